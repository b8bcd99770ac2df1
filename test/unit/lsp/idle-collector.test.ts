import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exposedGc, IdleCollector } from '../../../server/src/lsp/idle-collector';

/** Timers the test fires by hand: nothing waits on the clock. */
function manualTimers() {
  const pending: { run: () => void; ms: number; cancelled: boolean }[] = [];
  return {
    schedule: (run: () => void, ms: number) => {
      const timer = { run, ms, cancelled: false };
      pending.push(timer);
      return { cancel: () => { timer.cancelled = true; } };
    },
    live: () => pending.filter((timer) => !timer.cancelled),
    fire: () => {
      const due = pending.filter((timer) => !timer.cancelled);
      pending.length = 0;
      due.forEach((timer) => timer.run());
    },
  };
}

const MB = 1024 * 1024;

describe('IdleCollector', () => {
  it('collects once the work has stopped, only when the heap grew enough since the last collection', () => {
    const timers = manualTimers();
    let heap = 10 * MB;
    let collections = 0;
    const collector = new IdleCollector(() => { collections++; heap = 12 * MB; }, () => heap, timers.schedule, 1_000, 24 * MB);

    heap = 20 * MB;
    collector.workDone();
    timers.fire();
    assert.equal(collections, 0, 'grew 10 MB: not worth a collection');

    heap = 40 * MB;
    collector.workDone();
    timers.fire();
    assert.equal(collections, 1);

    // The baseline is the heap after the collection (12 MB): 30 MB is 18 MB more, not enough.
    heap = 30 * MB;
    collector.workDone();
    timers.fire();
    assert.equal(collections, 1);
  });

  it('waits for the quiet time after the last piece of work: each new piece restarts it', () => {
    const timers = manualTimers();
    let collections = 0;
    const collector = new IdleCollector(() => { collections++; }, () => 100 * MB, timers.schedule, 1_000, 0);
    collector.workDone();
    collector.workDone();
    collector.workDone();
    assert.equal(timers.live().length, 1, 'one pending timer, however many pieces of work');
    assert.equal(timers.live()[0].ms, 1_000);
    timers.fire();
    assert.equal(collections, 1);
  });

  it('does nothing where the engine offers no collection, and dispose cancels a pending one', () => {
    const timers = manualTimers();
    new IdleCollector(null, () => 100 * MB, timers.schedule, 1_000, 0).workDone();
    assert.equal(timers.live().length, 0);

    let collections = 0;
    const collector = new IdleCollector(() => { collections++; }, () => 100 * MB, timers.schedule, 1_000, 0);
    collector.workDone();
    collector.dispose();
    assert.equal(timers.live().length, 0);
    assert.equal(collections, 0);
  });

  it('finds the engine\'s gc() in a process started without --expose-gc', () => {
    const gc = exposedGc();
    assert.equal(typeof gc, 'function');
    gc!();
  });
});
