// The queue's filters, read from the address on the server only: the browser never downloads zod
// (#18, docs/decisions/022).

export { parseQueueFilters } from "../domain/queue-filters";
