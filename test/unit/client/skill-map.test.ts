import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tallyBySkill, whatToLearnNext, type CountedFinding } from '../../../client/src/skill-map/model';

const CURRICULUM = ['4.1.1', '4.1.2', '4.4.1', '4.4.2', '4.5.1'];
const finding = (topic: string, severity: CountedFinding['severity'] = 'warning'): CountedFinding => ({ topic, severity });

describe('skill map numbers', () => {
  it('counts findings and errors per skill, whatever the topic', () => {
    const tallies = tallyBySkill([finding('4.1.1#multi-stage-builds'), finding('4.1.1#requests-and-limits', 'error'), finding('4.4.1#least-privilege')]);
    assert.deepEqual(Object.fromEntries(tallies), { '4.1.1': { findings: 2, errors: 1 }, '4.4.1': { findings: 1, errors: 0 } });
  });

  it('suggests the skills with most findings, errors then curriculum order breaking ties', () => {
    const tallies = tallyBySkill([
      finding('4.5.1#availability'), finding('4.5.1#availability'),
      finding('4.4.1#least-privilege'), finding('4.4.1#encryption', 'error'),
      finding('4.1.2#function-configuration'), finding('4.1.2#function-configuration'),
      finding('4.4.2#segmentation'),
    ]);
    assert.deepEqual(whatToLearnNext(tallies, CURRICULUM), ['4.4.1', '4.1.2', '4.5.1']);
    assert.deepEqual(whatToLearnNext(tallies, CURRICULUM, 1), ['4.4.1']);
  });

  it('suggests nothing without findings', () => {
    assert.deepEqual(whatToLearnNext(tallyBySkill([]), CURRICULUM), []);
  });
});
