// The fields of a scam report, shared by the public form and staff intake: one set of names, limits
// and messages (lib/scam-reports/schemas.ts validates the same names). Plain uncontrolled inputs with
// default values, so a form without JavaScript can show back what was typed after an error.
import type { ReactNode } from "react";
import {
  ASK_LABELS,
  CHANNEL_LABELS,
  CURRENCIES,
  PAYMENT_METHODS,
  SCAM_ASKS,
  SCAM_CHANNELS,
} from "@/lib/scam-reports/labels";
import { LIMITS } from "@/lib/scam-reports/schemas";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { TimeZoneSelect } from "./time-zone-select";

export type FieldValues = Record<string, string | string[] | undefined>;
export type FieldErrors = Record<string, string[] | undefined>;

type Words = {
  channel: string;
  contact: string;
  contactHint: string;
  claimed: string;
  when: string;
  whenHint: string;
  asks: string;
  shared: string;
  sharedHint: string;
  money: string;
  story: string;
  storyHint: string;
};

const WORDS: Record<"public" | "staff", Words> = {
  public: {
    channel: "How did they contact you?",
    contact: "The phone number, or who it was from",
    contactHint:
      "As it showed on your phone or in the email. If it was not a UK number, include the country code, like +1 or +33. Leave it empty if the number was hidden.",
    claimed: "Who did they say they were?",
    when: "When did they contact you?",
    whenHint: "Your best guess is fine. It helps us match the call to activity on your account.",
    asks: "What did they ask for?",
    shared: "Did you give them anything, or do what they asked?",
    sharedHint:
      "For example read out a code, typed in your password, paid, or installed an app. There is no blame here: these people are skilled.",
    money: "Did you lose money?",
    story: "What happened?",
    storyHint: "In your own words: what they said, what they knew about you, what happened next.",
  },
  staff: {
    channel: "How did the scammer make contact?",
    contact: "Caller's number or sender",
    contactHint:
      "As the customer saw it. Include the country code for numbers outside the UK. Empty if withheld.",
    claimed: "Who did they claim to be?",
    when: "When was the contact?",
    whenHint:
      "Ask for the time as exactly as the customer remembers: correlation uses 2 hours before to 24 hours after it.",
    asks: "What did they ask for?",
    shared: "Did the customer give them anything, or do what they asked?",
    sharedHint: "A code read out, a password typed, a payment, an app installed.",
    money: "Money lost",
    story: "What happened",
    storyHint:
      "The customer's account in their words: the script, what the caller knew, what happened next. Never write down a code.",
  },
};

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";
const all = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []);

function Group({
  id,
  legend,
  hint,
  errors,
  children,
}: {
  id: string;
  legend: string;
  hint?: string;
  errors?: string[];
  children: ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <fieldset
      id={id}
      className="space-y-2"
      aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
    >
      <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">{legend}</legend>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className="text-sm font-medium text-red-700 dark:text-red-400">
          {errors?.join(" ")}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

const choiceClasses = "flex items-start gap-2 text-sm";
const boxClasses = "mt-0.5 size-4 accent-blue-700";

export function ScamReportFields({
  mode,
  values = {},
  errors = {},
  defaultTimeZone,
  maxDateTime,
}: {
  mode: "public" | "staff";
  values?: FieldValues;
  errors?: FieldErrors;
  defaultTimeZone: string;
  /** The latest wall-clock time the picker offers ("yyyy-MM-ddTHH:mm"). */
  maxDateTime: string;
}) {
  const words = WORDS[mode];
  const text = (
    name: string,
    label: string,
    props: {
      hint?: string;
      maxLength: number;
      type?: string;
      autoComplete?: string;
      inputMode?: "decimal" | "tel" | "email";
    },
  ) => (
    <Field id={name} label={label} hint={props.hint} errors={errors[name]}>
      {(describedBy, invalid) => (
        <TextInput
          id={name}
          name={name}
          type={props.type ?? "text"}
          defaultValue={first(values[name])}
          maxLength={props.maxLength}
          autoComplete={props.autoComplete ?? "off"}
          inputMode={props.inputMode}
          aria-describedby={describedBy}
          aria-invalid={invalid}
        />
      )}
    </Field>
  );
  const asks = all(values.asks);

  return (
    <div className="space-y-6">
      <Group id="channel" legend={words.channel} errors={errors.channel}>
        <div className="grid gap-2 sm:grid-cols-2">
          {SCAM_CHANNELS.map((channel) => (
            <label key={channel} className={choiceClasses}>
              <input
                type="radio"
                name="channel"
                value={channel}
                defaultChecked={first(values.channel) === channel}
                className={boxClasses}
              />
              {CHANNEL_LABELS[channel]}
            </label>
          ))}
        </div>
      </Group>

      {text("contact", words.contact, {
        hint: words.contactHint,
        maxLength: LIMITS.shortText,
        inputMode: "tel",
      })}

      <Group
        id="claimed"
        legend={words.claimed}
        hint="Whatever they said: a company, a department, a job title, a name."
      >
        <div className="grid gap-3 sm:grid-cols-3">
          {text("claimedOrganisation", "Organisation", { maxLength: LIMITS.shortText })}
          {text("claimedRole", "Role or department", { maxLength: LIMITS.shortText })}
          {text("claimedName", "Name they gave", { maxLength: LIMITS.shortText })}
        </div>
      </Group>

      <Group id="when" legend={words.when} hint={words.whenHint}>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="contactedAt" label="Date and time" errors={errors.contactedAt}>
            {(describedBy, invalid) => (
              <TextInput
                id="contactedAt"
                name="contactedAt"
                type="datetime-local"
                max={maxDateTime}
                defaultValue={first(values.contactedAt)}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </Field>
          <Field id="timeZone" label="Time zone" errors={errors.timeZone}>
            {(describedBy, invalid) => (
              <TimeZoneSelect
                id="timeZone"
                initial={first(values.timeZone) || undefined}
                fallback={defaultTimeZone}
                describedBy={describedBy}
                invalid={invalid}
              />
            )}
          </Field>
        </div>
      </Group>

      <Group id="asks" legend={words.asks} hint="Tick all that apply." errors={errors.asks}>
        <div className="grid gap-2 sm:grid-cols-2">
          {SCAM_ASKS.map((ask) => (
            <label key={ask} className={choiceClasses}>
              <input
                type="checkbox"
                name="asks"
                value={ask}
                defaultChecked={asks.includes(ask)}
                className={boxClasses}
              />
              {ASK_LABELS[ask].long}
            </label>
          ))}
        </div>
      </Group>

      <Group id="shared" legend={words.shared} hint={words.sharedHint} errors={errors.shared}>
        <div className="flex gap-6">
          {(["yes", "no"] as const).map((answer) => (
            <label key={answer} className={choiceClasses}>
              <input
                type="radio"
                name="shared"
                value={answer}
                defaultChecked={first(values.shared) === answer}
                className={boxClasses}
              />
              {answer === "yes" ? "Yes" : "No"}
            </label>
          ))}
        </div>
      </Group>

      <Group id="money" legend={words.money} hint="Leave the amount empty if nothing was lost.">
        <div className="grid gap-3 sm:grid-cols-3">
          {text("moneyLost", "Amount", { maxLength: 40, inputMode: "decimal" })}
          <Field id="currency" label="Currency" errors={errors.currency}>
            {(describedBy, invalid) => (
              <Select
                id="currency"
                name="currency"
                defaultValue={first(values.currency) || "GBP"}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              >
                {CURRENCIES.map((currency) => (
                  <option key={currency} value={currency}>
                    {currency}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="paymentMethod" label="How it was paid" errors={errors.paymentMethod}>
            {(describedBy, invalid) => (
              <Select
                id="paymentMethod"
                name="paymentMethod"
                defaultValue={first(values.paymentMethod)}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              >
                <option value="">Not applicable</option>
                {PAYMENT_METHODS.map((method) => (
                  <option key={method} value={method}>
                    {method}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
      </Group>

      <Field
        id="story"
        label={words.story}
        hint={`${words.storyHint} Up to ${LIMITS.story.toLocaleString("en-GB")} characters.`}
        errors={errors.story}
      >
        {(describedBy, invalid) => (
          <TextArea
            id="story"
            name="story"
            rows={8}
            maxLength={LIMITS.story}
            defaultValue={first(values.story)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>

      <Group
        id="reporter"
        legend={mode === "public" ? "About you (optional)" : "Reporter's contact details (optional)"}
        hint={
          mode === "public"
            ? "Only if you would like us to be able to contact you about this report. We will never ask you for a code or your password."
            : "Only if the reporter is not the customer, or wants a different way to be contacted."
        }
      >
        <div className="grid gap-3 sm:grid-cols-3">
          {text("reporterName", "Name", {
            maxLength: LIMITS.shortText,
            autoComplete: mode === "public" ? "name" : "off",
          })}
          {text("reporterEmail", "Email", {
            maxLength: LIMITS.email,
            type: "email",
            autoComplete: mode === "public" ? "email" : "off",
            inputMode: "email",
          })}
          {text("reporterPhone", "Phone", {
            maxLength: LIMITS.phone,
            type: "tel",
            autoComplete: mode === "public" ? "tel" : "off",
            inputMode: "tel",
          })}
        </div>
      </Group>

      {mode === "public"
        ? text("customerEmail", "The email address of your account with us (optional)", {
            hint: "If it was about your account, this lets us check it for you.",
            maxLength: LIMITS.email,
            type: "email",
            autoComplete: "email",
            inputMode: "email",
          })
        : null}
    </div>
  );
}

/** A list of every problem with links to the fields, above the form (read first by screen readers). */
export function ErrorSummary({ errors }: { errors: FieldErrors }) {
  const entries = Object.entries(errors).filter((entry): entry is [string, string[]] =>
    Boolean(entry[1]?.length),
  );
  if (entries.length === 0) return null;
  return (
    <div
      id="error-summary"
      // Focused (and so scrolled into view) when a submit fails: the reader starts at the list.
      tabIndex={-1}
      aria-labelledby="error-summary-title"
      role="group"
      className="scroll-mt-4 rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-700 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
      data-testid="error-summary"
    >
      <h2 id="error-summary-title" className="font-semibold">
        There is a problem
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {entries.map(([field, messages]) => (
          <li key={field}>
            <a href={`#${field}`} className="underline">
              {messages.join(" ")}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
