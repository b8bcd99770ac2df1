/** The shared Dockerfile readers remember what they read per parse; what they return must not change because of it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { heredocsOf, propertiesOf } from '../../../../server/src/engine/dockerfile/instructions';
import { parseDockerfile } from '../../../../server/src/engine/dockerfile/parse';
import { hasOption, programCall } from '../../../../server/src/engine/dockerfile/programs';
import { runScript } from '../../../../server/src/engine/dockerfile/run';
import { splitCommands, splitScript } from '../../../../server/src/engine/dockerfile/shell';
import { stageChain } from '../../../../server/src/engine/dockerfile/stages';

describe('shared Dockerfile readers', () => {
  it('read a RUN once per parse, and again for a new parse of the same text', () => {
    const text = 'FROM alpine\nRUN apk add curl \\\n    # a comment line\n    && echo "a  b"\n';
    const first = parseDockerfile('/w/Dockerfile', text);
    const run = first.stages[0].instructions[0];
    assert.equal(runScript(first, run), runScript(first, run));
    const again = parseDockerfile('/w/Dockerfile', text);
    const script = runScript(again, again.stages[0].instructions[0]);
    assert.notEqual(script, runScript(first, run));
    assert.deepEqual(script.commands.map((command) => command.words), [['apk', 'add', 'curl'], ['echo', 'a  b']]);
    assert.equal(text.slice(script.commands[1].spans[1].start, script.commands[1].spans[1].end), '"a  b"');
  });

  it('give file offsets when a script is split at an offset', () => {
    const atZero = splitScript('a "b c" && $(d)');
    const shifted = splitScript('a "b c" && $(d)', 10);
    assert.deepEqual(shifted.commands.map((command) => command.spans), atZero.commands.map((command) => command.spans.map((span) => ({ start: span.start + 10, end: span.end + 10 }))));
    assert.equal(shifted.lastTokenEnd, atZero.lastTokenEnd + 10);
    assert.equal(splitScript('', 10).lastTokenEnd, -1);
  });

  it('remember a program call per command object, never for a changed copy', () => {
    const [command] = splitCommands('sudo apt-get -y install curl');
    assert.equal(programCall(command), programCall(command));
    assert.equal(programCall(command)?.subcommand, 'install');
    const copy = { ...command, words: ['pip', 'install', '--no-cache-dir', 'x'] };
    assert.equal(programCall(copy)?.name, 'pip');
    assert.equal(programCall({ ...command, words: [] }), undefined);
  });

  it('match options exactly or with =value, after the program', () => {
    const call = programCall(splitCommands('pip install --no-cache-dir=1 --user x')[0]);
    assert.ok(call);
    assert.equal(hasOption(call, '--no-cache-dir'), true);
    assert.equal(hasOption(call, '--use'), false);
    assert.equal(hasOption(call, 'pip'), false);
  });

  it('find heredocs only where the text has them, and upper-case keywords written in lower case', () => {
    const document = parseDockerfile('/w/Dockerfile', 'from alpine\ncopy <<EOF /etc/x\nhello\nEOF\nrun echo a > /b\nenv A=1 B=2\n');
    const [copy, run, env] = document.stages[0].instructions;
    assert.deepEqual([copy.getKeyword(), run.getKeyword(), env.getKeyword()], ['COPY', 'RUN', 'ENV']);
    assert.equal(heredocsOf(copy).length, 1);
    assert.equal(heredocsOf(run).length, 0);
    assert.deepEqual(propertiesOf(env).map((property) => property.getName()), ['A', 'B']);
    assert.equal(propertiesOf(env), propertiesOf(env));
  });

  it('hand out a copy of a stage chain that callers may reorder', () => {
    const document = parseDockerfile('/w/Dockerfile', 'FROM alpine AS base\nFROM base AS app\n');
    const chain = stageChain(document, document.stages[1]);
    chain.reverse();
    assert.deepEqual(stageChain(document, document.stages[1]).map((stage) => stage.name), ['app', 'base']);
  });
});
