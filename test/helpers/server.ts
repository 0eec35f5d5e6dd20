// Starts the whole ringscope server in-process (Express + GraphQL + built client) on a free port,
// against the test database, for HTTP and browser tests: the same startServer() `serve` uses.
export { startServer, type RunningServer } from '../../server/src/http/start-server.js';
