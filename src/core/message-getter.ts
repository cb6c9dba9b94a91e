// A warning whose message is made each time it is read, not held as text: a plausibility notice
// (plausibility.ts) writes it from a few values, a comparison's side warning (compare.ts) reads it
// from the warning it stands for. At hundreds of thousands of warnings the texts would be most of
// a run's memory (issue 18). Pure.

/**
 * The descriptor of a `message` made by `read` from the warning when it is read: an own,
 * enumerable getter, so JSON.stringify, zod, spread and structured clone all see the text. One
 * descriptor for every warning of a kind, so they all have one shape; a caller that assigns a
 * message gets a plain data property, as on any other warning. Define it on a warning after its
 * first properties (turning a data property into a getter would make V8 keep the object as a
 * dictionary, twice the size).
 */
export function messageGetter<W extends object>(read: (warning: W) => string): PropertyDescriptor {
  return {
    get(this: W): string {
      return read(this);
    },
    set(this: object, message: string) {
      Object.defineProperty(this, 'message', { value: message, writable: true, enumerable: true, configurable: true });
    },
    enumerable: true,
    configurable: true,
  };
}
