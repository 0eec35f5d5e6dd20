// A TCP proxy in front of the test Neo4j, for fault injection without a second database: cut()
// drops every connection and refuses new ones (the database "dies" for the client), restore()
// accepts again. Real Bolt traffic passes through untouched.
import net from 'node:net';

export interface TcpProxy {
  uri: string;
  port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetUri: string): Promise<TcpProxy> {
  const target = new URL(targetUri.replace(/^[a-z+]+:/, 'http:'));
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        const upstream = net.connect(Number(target.port), target.hostname);
        sockets.add(client);
        sockets.add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
        client.pipe(upstream).pipe(client);
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as net.AddressInfo).port;
        server = s;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });
  await listen();
  return {
    get uri() {
      return `bolt://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    cut: stop,
    restore: () => (server ? Promise.resolve() : listen()),
    close: stop,
  };
}
