// Writing an output file: atomically (a temporary file renamed over the target), so an existing
// good file is never half-overwritten.
export { writeFileAtomic } from '../io/atomic-write.js';
