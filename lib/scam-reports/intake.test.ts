import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { issueFormToken } from "@/lib/forms/form-token";
import { createCustomer } from "@/test/factories/customers";
import { reportFormFields } from "@/test/factories/scam-reports";
import { actingAs, createStaff } from "@/test/factories/staff";
import {
  ACCEPT_LIMIT,
  createScamReport,
  PUBLIC_FORM_PURPOSE,
  recordStaffReport,
  SUBMIT_LIMIT,
  submitPublicReport,
} from "./intake";
import { publicReportSchema, staffReportSchema } from "./schemas";

let tokens = 0;
// Each submission a page of its own: a token sends one report (distinct issue times, distinct tokens).
const oldToken = () => issueFormToken(PUBLIC_FORM_PURPOSE, Date.now() - 10_000 - ++tokens);
const publicFields = (overrides: Record<string, unknown> = {}) => ({
  ...reportFormFields(),
  website: "",
  formToken: oldToken(),
  ...overrides,
});
let clients = 0;
const newClient = () => `client-${process.pid}-${++clients}`;

describe("submitPublicReport", () => {
  it("creates the report under a fresh reference, audits it, and sends the reporter to a signed confirmation", async () => {
    const outcome = await submitPublicReport(
      publicFields({ customerEmail: "Marcus.Reid@example.com" }),
      newClient(),
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.reference).toMatch(/^SR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(outcome.redirectTo).toMatch(
      new RegExp(
        `^/report/sent\\?ref=${outcome.reference}&asks=ONE_TIME_CODE%2CPERSONAL_DETAILS&shared=1&money=0&sig=`,
      ),
    );
    const stored = await getDb().scamReport.findUniqueOrThrow({ where: { reference: outcome.reference } });
    expect(stored).toMatchObject({
      source: "PUBLIC_FORM",
      status: "NEW",
      contactNumberE164: "+442079460123",
      customerEmail: "marcus.reid@example.com",
      recordedById: null,
    });
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { action: "scam_report.created", targetId: stored.id },
    });
    expect(audit).toMatchObject({
      actorType: "ANONYMOUS",
      data: { reference: outcome.reference, source: "PUBLIC_FORM", channel: "CALL" },
    });
  });

  it("refuses the honeypot, forms sent too fast, forged tokens and missing tokens, keeping what was typed", async () => {
    const client = newClient();
    const before = await getDb().scamReport.count();
    const honeypot = await submitPublicReport(publicFields({ website: "http://spam.example" }), client);
    expect(honeypot).toMatchObject({
      ok: false,
      state: { status: "error", message: expect.stringMatching(/Leave this field empty/) },
    });
    const fast = await submitPublicReport(
      publicFields({ formToken: issueFormToken(PUBLIC_FORM_PURPOSE) }),
      client,
    );
    expect(fast).toMatchObject({
      ok: false,
      state: { message: expect.stringMatching(/quicker than we expected/) },
    });
    const forged = await submitPublicReport(
      publicFields({ formToken: `${Date.now() - 10_000}.${"A".repeat(32)}` }),
      client,
    );
    expect(forged).toMatchObject({ ok: false, state: { message: expect.stringMatching(/reload the page/) } });
    const missing = await submitPublicReport(publicFields({ formToken: undefined }), client);
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.state.values?.story).toBe(reportFormFields().story);
      expect(missing.state.formToken).toMatch(/^\d{13}\./);
    }
    expect(await getDb().scamReport.count()).toBe(before);
  });

  it("returns field errors for invalid input", async () => {
    const outcome = await submitPublicReport(
      publicFields({ story: "x".repeat(20_000), moneyLost: "-5" }),
      newClient(),
    );
    expect(outcome).toMatchObject({
      ok: false,
      state: { status: "invalid", fieldErrors: { story: [expect.stringMatching(/20,000 characters/)] } },
    });
  });

  it("stops a flood from one client with a clear message, and other clients are unaffected", async () => {
    const client = newClient();
    for (let index = 0; index < SUBMIT_LIMIT.limit; index++)
      await submitPublicReport({ website: "" }, client);
    const blocked = await submitPublicReport(publicFields(), client);
    expect(blocked).toMatchObject({
      ok: false,
      state: { status: "error", message: expect.stringMatching(/paused it for your connection/) },
    });
    expect((await submitPublicReport(publicFields(), newClient())).ok).toBe(true);
  });

  it("lets one page's token send one report, even from another connection", async () => {
    const fields = publicFields();
    expect((await submitPublicReport(fields, newClient())).ok).toBe(true);
    expect(await submitPublicReport(fields, newClient())).toMatchObject({
      ok: false,
      state: {
        status: "error",
        message: expect.stringMatching(/already been sent/),
        formToken: expect.stringMatching(/^\d{13}\./),
      },
    });
    // A form sent back with errors keeps its token, so the corrected form still goes through.
    const token = oldToken();
    expect((await submitPublicReport(publicFields({ formToken: token, story: "" }), newClient())).ok).toBe(
      false,
    );
    expect((await submitPublicReport(publicFields({ formToken: token }), newClient())).ok).toBe(true);
  });

  it("accepts only a few reports per client per hour", async () => {
    const client = newClient();
    for (let index = 0; index < ACCEPT_LIMIT.limit; index++)
      expect((await submitPublicReport(publicFields(), client)).ok).toBe(true);
    expect(await submitPublicReport(publicFields(), client)).toMatchObject({
      ok: false,
      state: { message: expect.stringMatching(/several reports from your connection/) },
    });
  });
});

describe("createScamReport", () => {
  it("draws a new reference when one is taken", async () => {
    const input = publicReportSchema.parse(reportFormFields());
    const first = await createScamReport(input, {
      source: "PUBLIC_FORM",
      actor: { type: "ANONYMOUS" },
      generate: () => "SR-AAAA-AAAA",
    });
    const references = ["SR-AAAA-AAAA", "SR-AAAA-AAAA", "SR-BBBB-BBBB"];
    const second = await createScamReport(input, {
      source: "PUBLIC_FORM",
      actor: { type: "ANONYMOUS" },
      generate: () => references.shift() ?? "",
    });
    expect(first.reference).toBe("SR-AAAA-AAAA");
    expect(second.reference).toBe("SR-BBBB-BBBB");
  });
});

describe("recordStaffReport", () => {
  it("links the customer found by email and the case by number, recording who took the report", async () => {
    const staff = await actingAs(await createStaff());
    const customer = await createCustomer();
    const kase = await getDb().case.create({
      data: { customerId: customer.id, type: "SCAM_CALL", subject: "Scam call" },
      select: { id: true, number: true },
    });
    const input = staffReportSchema.parse(
      reportFormFields({ customer: customer.email.toUpperCase(), caseNumber: `C-${kase.number}` }),
    );
    const result = await recordStaffReport(staff, input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const stored = await getDb().scamReport.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(stored).toMatchObject({
      source: "STAFF",
      customerId: customer.id,
      caseId: kase.id,
      recordedById: staff.staff.id,
    });
  });

  it("takes the customer from the case when only the case is given, and explains what does not match", async () => {
    const staff = await actingAs(await createStaff());
    const [customer, other] = [await createCustomer(), await createCustomer()];
    const kase = await getDb().case.create({
      data: { customerId: customer.id, type: "SCAM_CALL", subject: "Scam call" },
      select: { id: true, number: true },
    });
    const viaCase = await recordStaffReport(
      staff,
      staffReportSchema.parse(reportFormFields({ caseNumber: String(kase.number) })),
    );
    expect(
      viaCase.ok &&
        (await getDb().scamReport.findUniqueOrThrow({ where: { id: viaCase.data.id } })).customerId,
    ).toBe(customer.id);

    const mismatch = await recordStaffReport(
      staff,
      staffReportSchema.parse(reportFormFields({ customer: other.email, caseNumber: String(kase.number) })),
    );
    expect(mismatch).toMatchObject({
      ok: false,
      field: "caseNumber",
      message: expect.stringMatching(/belongs to another customer/),
    });
    const unknown = await recordStaffReport(
      staff,
      staffReportSchema.parse(reportFormFields({ customer: "nobody@example.com" })),
    );
    expect(unknown).toMatchObject({
      ok: false,
      field: "customer",
      message: "No customer matches that email, phone number or id.",
    });
    const byName = await recordStaffReport(
      staff,
      staffReportSchema.parse(reportFormFields({ customer: "Test Customer" })),
    );
    expect(byName).toMatchObject({
      ok: false,
      field: "customer",
      message: expect.stringMatching(/names are not unique/),
    });
    const noCase = await recordStaffReport(
      staff,
      staffReportSchema.parse(reportFormFields({ caseNumber: "999999" })),
    );
    expect(noCase).toMatchObject({ ok: false, field: "caseNumber", message: "There is no case C-999999." });
  });
});
