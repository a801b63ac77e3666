/**
 * A write whose eTag is stale: another turn of the same conversation (in this process or
 * another one sharing the store) saved its state first. Nothing was written.
 */
export class StorageConflictError extends Error {
  constructor(readonly key: string) {
    super(`state of "${key}" was changed by another turn`);
    this.name = 'StorageConflictError';
  }
}
