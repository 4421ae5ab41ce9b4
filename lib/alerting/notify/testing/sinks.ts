/**
 * Loopback sinks for notification tests: an HTTP server that records every request (Slack,
 * PagerDuty and webhook posts) and can be told to fail, and an SMTP server (smtp-server) that
 * records every message parsed by mailparser.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface RecordedRequest {
  path: string;
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HttpSink {
  base: string;
  requests: RecordedRequest[];
  /** Status answered for a path (default 200). */
  failWith: Map<string, number>;
  /** Paths that answer with the request's headers (to check that nothing secret is kept). */
  echoHeaders: Set<string>;
  close: () => Promise<void>;
}

export async function startHttpSink(): Promise<HttpSink> {
  const requests: RecordedRequest[] = [];
  const failWith = new Map<string, number>();
  const echoHeaders = new Set<string>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = req.url ?? "/";
      requests.push({
        path,
        method: req.method ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      const status = failWith.get(path) ?? 200;
      res.writeHead(status, { "content-type": "text/plain" });
      if (echoHeaders.has(path)) res.end(JSON.stringify(req.headers));
      else res.end(status === 200 ? "ok" : `sink failure ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    failWith,
    echoHeaders,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  headers: Map<string, unknown>;
  html: string | false;
  text: string | undefined;
}

export interface SmtpSink {
  port: number;
  messages: ReceivedMail[];
  close: () => Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? "",
            headers: mail.headers,
            html: mail.html ?? false,
            text: mail.text,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return { port, messages, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
