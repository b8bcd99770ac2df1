import { Instruction, type Argument } from 'dockerfile-ast';

/**
 * dockerfile-ast re-tokenises an instruction's text on every getArguments()/getArgumentsRange()/…
 * call, and our rules ask for them many times per instruction. A parsed instruction never changes, so the
 * tokens are remembered per instance. Callers get a fresh array each time because the library itself
 * mutates the array it gets back (ModifiableInstruction.getArguments shifts the flags off).
 */
const rawArguments = new WeakMap<Instruction, Argument[]>();
const prototype = Instruction.prototype as unknown as { getRawArguments(this: Instruction): Argument[] };
const tokenise = prototype.getRawArguments;

if (!(tokenise as { memoized?: boolean }).memoized) {
  const memoized = function getRawArguments(this: Instruction): Argument[] {
    let cached = rawArguments.get(this);
    if (!cached) {
      cached = tokenise.call(this);
      rawArguments.set(this, cached);
    }
    return cached.slice();
  };
  (memoized as { memoized?: boolean }).memoized = true;
  prototype.getRawArguments = memoized;
}
