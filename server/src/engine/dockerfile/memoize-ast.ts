import { Instruction, type Argument } from 'dockerfile-ast';

/**
 * dockerfile-ast re-tokenises an instruction's text on every getArguments()/getArgumentsRange()/…
 * call, and our rules ask for them many times per instruction. A parsed instruction never changes, so the
 * tokens are remembered per instance. Callers get a fresh array each time because the library itself
 * mutates the array it gets back (ModifiableInstruction.getArguments shifts the flags off).
 *
 * The tokens live in a symbol-keyed field rather than a WeakMap: the parser itself asks for them several times
 * while building each instruction, so every instruction of every parse gets one, and a WeakMap that large cost
 * more to fill and to garbage-collect than the field does (parsing the 327-file corpus: ~87 ms unpatched,
 * ~51 ms with a WeakMap, ~31 ms with the field).
 */
const RAW_ARGUMENTS = Symbol('infracoach.rawArguments');
const KEYWORD = Symbol('infracoach.keyword');
type Memoized = Instruction & { [RAW_ARGUMENTS]?: Argument[]; [KEYWORD]?: string };
const prototype = Instruction.prototype as unknown as { getRawArguments(this: Instruction): Argument[]; getKeyword(this: Instruction): string };
const tokenise = prototype.getRawArguments;
const upperCaseKeyword = prototype.getKeyword;

if (!(tokenise as { memoized?: boolean }).memoized) {
  const memoized = function getRawArguments(this: Memoized): Argument[] {
    let cached = this[RAW_ARGUMENTS];
    if (!cached) {
      cached = tokenise.call(this);
      this[RAW_ARGUMENTS] = cached;
    }
    return cached.slice();
  };
  (memoized as { memoized?: boolean }).memoized = true;
  prototype.getRawArguments = memoized;
  // Every rule filters instructions by keyword, and each call upper-cases the text again into a new string.
  prototype.getKeyword = function getKeyword(this: Memoized): string {
    return (this[KEYWORD] ??= upperCaseKeyword.call(this));
  };
}

/**
 * A value derived once from an object that never changes (a parsed instruction, a stage, a split command).
 * Kept in a WeakMap, not on the object: plain objects and library instances keep their shapes, a copy made with
 * `{ ...command }` never inherits a stale value, and the entries go when the parse does.
 */
export class Remembered<O extends object, V> {
  // Boxed, so that a remembered `undefined` is told apart from "not yet" with one lookup.
  private readonly values = new WeakMap<O, { value: V }>();

  of(owner: O, compute: (owner: O) => V): V {
    const hit = this.values.get(owner);
    if (hit) return hit.value;
    const value = compute(owner);
    this.values.set(owner, { value });
    return value;
  }
}
