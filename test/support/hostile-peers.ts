// What the hostile servers of the tests write: endlessly, or a byte a second.
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { Timer } from '../../src/transport/http-send.js';

/**
 * How much faster than the wall clock `fastTimer` runs the program's connect and read timeouts
 * (an in-process run's factory: test/support/cli.ts). A peer's pace is scaled by the same factor
 * (`trickle(s, text, 1000 / SPEED)`), so every ratio between a timeout and the peer's pace stays
 * what it is in real time: a 2 s timeout against a byte a second is 100 ms against a byte every 50 ms.
 */
export const SPEED = 20;
/** The peers' speed-up for runCli's runs: 1 when COGSO_TEST_SPAWN=1 makes them child processes (no factory reaches those). */
export const RUN_SPEED = process.env.COGSO_TEST_SPAWN === '1' ? 1 : SPEED;
export const fastTimer: Timer = (fn, ms) => {
  const t = setTimeout(fn, ms / SPEED);
  return () => clearTimeout(t);
};

/** Writes `chunk` for as long as the peer reads (`times` at most, then ends). */
export function flood(socket: Socket, chunk: Buffer, times = Infinity): void {
  let sent = 0;
  const pump = (): void => {
    while (sent < times && !socket.destroyed) {
      sent++;
      if (!socket.write(chunk)) { socket.once('drain', pump); return; }
    }
    if (sent >= times) socket.end();
  };
  pump();
}

/** Writes `text` one byte a second (or every `intervalMs`). */
export function trickle(socket: Socket, text: string, intervalMs = 1000): void {
  let i = 0;
  const timer = setInterval(() => { if (i < text.length && !socket.destroyed) socket.write(text[i++] as string); }, intervalMs);
  socket.on('close', () => clearInterval(timer));
}

/**
 * A raw TCP server on 127.0.0.1 that answers each connection once its request (headers and a
 * Content-Length body) is in: `answer` gets the socket and the request as read. It is added to
 * `servers`, which the test file closes; the result is its http:// URL.
 */
export async function rawServer(servers: Server[], answer: (socket: Socket, request: string) => void): Promise<string> {
  const server = createServer((socket) => {
    socket.on('error', () => {});
    let buf = '';
    let answered = false;
    socket.on('data', (d: Buffer) => {
      buf += d.toString('latin1');
      const end = buf.indexOf('\r\n\r\n');
      if (answered || end < 0) return;
      const length = /^content-length: *(\d+)/im.exec(buf.slice(0, end));
      if (buf.length < end + 4 + Number(length?.[1] ?? 0)) return;
      answered = true;
      answer(socket, buf);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
