// What the hostile servers of the tests write: endlessly, or a byte a second.
import type { Socket } from 'node:net';

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

/** Writes `text` one byte a second. */
export function trickle(socket: Socket, text: string): void {
  let i = 0;
  const timer = setInterval(() => { if (i < text.length && !socket.destroyed) socket.write(text[i++] as string); }, 1000);
  socket.on('close', () => clearInterval(timer));
}
