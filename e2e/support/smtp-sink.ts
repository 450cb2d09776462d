// The end-to-end suite's mail server: a real SMTP server the app sends to (SMTP_URL), and a small
// HTTP endpoint the specs read what arrived from, like a customer opening their inbox.
//   tsx e2e/support/smtp-sink.ts <smtp-port> <http-port>
// GET /messages?to=<address> → [{ to, subject, text, receivedAt }], newest last. GET /health → ok.
import { createServer } from "node:http";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

type Received = { to: string[]; subject: string; text: string; receivedAt: string };

const [smtpPort, httpPort] = process.argv.slice(2).map(Number);
if (!smtpPort || !httpPort) throw new Error("usage: smtp-sink.ts <smtp-port> <http-port>");

const inbox: Received[] = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        inbox.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
          subject: mail.subject ?? "",
          text: mail.text ?? "",
          receivedAt: new Date().toISOString(),
        });
        callback();
      })
      .catch((error: Error) => callback(error));
  },
});
smtp.listen(smtpPort, "127.0.0.1");

createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  if (url.pathname === "/health") return response.end("ok");
  if (url.pathname === "/messages") {
    const to = url.searchParams.get("to")?.toLowerCase();
    response.setHeader("content-type", "application/json");
    return response.end(JSON.stringify(to ? inbox.filter((mail) => mail.to.includes(to)) : inbox));
  }
  response.statusCode = 404;
  response.end();
}).listen(httpPort, "127.0.0.1");

const stop = () => {
  smtp.close(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
