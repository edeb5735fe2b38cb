// What other modules may ask about saved data connections; the queries live in the repository,
// this file is the module's public surface.

export { connectionNamesById, findConnectionRef, type ConnectionRef } from './connection.repository';
