// Tables and values that most runs never read are made when first asked for, not when their
// module is set up: module set-up is part of every start (`--version` included).

/** `make()`'s value, made on the first call and kept. */
export function onFirstUse<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}
