/** The shell reader and RUN script extraction that every Dockerfile rule builds on. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../../../server/src/engine/dockerfile/parse';
import { runScript } from '../../../../server/src/engine/dockerfile/run';
import { programIndex, splitCommands, splitScript } from '../../../../server/src/engine/dockerfile/shell';
import { expandVariables } from '../../../../server/src/engine/dockerfile/stages';

const words = (text: string) => splitCommands(text).map((command) => command.words.join(' '));

describe('splitCommands', () => {
  it('splits on control operators and keeps redirections in words', () => {
    assert.deepEqual(words('a && b || c; d | e |& f & g'), ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    assert.deepEqual(splitCommands('a && b | c').map((command) => command.operator), ['&&', '|', '']);
    assert.deepEqual(words('make 2>&1 >/dev/null &>log >|f'), ['make 2>&1 >/dev/null &>log >|f']);
  });

  it('removes quotes and escapes, keeps ${…} and $( … ) in the word, and reads the substitution too', () => {
    const commands = splitCommands('cd ${HOME} && echo "a b" \'c d\' e\\ f $(uname -m)');
    assert.deepEqual(commands.map((command) => [command.words, command.substitution]), [
      [['cd', '${HOME}'], false],
      [['uname', '-m'], true],
      [['echo', 'a b', 'c d', 'e f', '$(uname -m)'], false],
    ]);
  });

  it('knows subshells, brace groups, reserved words and case patterns', () => {
    const commands = splitCommands('(cd /x && make) && { cd /y; ls; } && if ! a | b; then c; fi && case $x in y | z) d ;; esac');
    assert.deepEqual(commands.map((command) => `${command.words.join(' ')}@${command.subshellDepth}${command.keyword ? `/${command.keyword}` : ''}`), [
      'cd /x@1', 'make@1', 'cd /y@0/{', 'ls@0', 'a@0/!', 'b@0', 'c@0/then', 'case $x in y z@0', 'd@0',
    ]);
    assert.equal(commands.find((command) => command.words[0] === 'a')?.operator, '|');
    assert.equal(commands.find((command) => command.words[0] === 'case')?.operator, ')');
  });

  it('skips comments and the bodies of shell heredocs', () => {
    assert.deepEqual(words('a # b | c\ncat <<EOF > f\nrm -rf /\nEOF\nd'), ['a', 'cat <<EOF > f', 'd']);
    assert.deepEqual(words('cat << \'END\'\n x\nEND\ny'), ['cat << END', 'y']);
    assert.deepEqual(words('cat <<<"here string"; z'), ['cat <<<here string', 'z']);
  });

  it('records where the script ends, after fi/done/esac', () => {
    const text = 'if a; then b; fi # trailing comment';
    assert.equal(splitScript(text).lastTokenEnd, text.indexOf(' #'));
  });

  it('finds the program behind wrappers and their options', () => {
    const index = (text: string) => {
      const [command] = splitCommands(text);
      return command.words[programIndex(command)];
    };
    assert.equal(index('sudo -u app -E npm ci'), 'npm');
    assert.equal(index('DEBIAN_FRONTEND=noninteractive eatmydata apt-get install x'), 'apt-get');
    assert.equal(index('env -u HOME FOO=1 make'), 'make');
    assert.equal(index('gosu app node server.js'), 'node');
    assert.equal(index('command -v sudo'), 'command');
  });
});

describe('runScript', () => {
  const scriptOf = (text: string, line = 1) => {
    const document = parseDockerfile('/x/Dockerfile', text);
    const instruction = document.dockerfile.getInstructions().find((candidate) => candidate.getRange().start.line === line);
    assert.ok(instruction);
    const script = runScript(document, instruction);
    return { script, words: script.commands.map((command) => command.words.join(' ')), text };
  };

  it('drops comment and empty lines inside a continuation and keeps file offsets', () => {
    const { script, words: read, text } = scriptOf('FROM a\nRUN apt-get update && \\\n# comment | sh\n\n    apt-get install -y x\n');
    assert.deepEqual(read, ['apt-get update', 'apt-get install -y x']);
    const install = script.commands[1];
    assert.equal(text.slice(install.start, install.end), 'apt-get install -y x');
  });

  it('reads a heredoc as the script, and a heredoc fed to a program as data', () => {
    assert.deepEqual(scriptOf('FROM a\nRUN <<EOF\napt-get update\napt-get install -y x\nEOF\n').words, ['apt-get update', 'apt-get install -y x']);
    assert.deepEqual(scriptOf('FROM a\nRUN <<EOF bash\nset -e\nmake\nEOF\n').words, ['bash', 'set -e', 'make']);
    assert.deepEqual(scriptOf('FROM a\nRUN python3 <<EOF\nimport os\nEOF\n').words, ['python3']);
    assert.deepEqual(scriptOf('FROM a\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n').words, []);
    assert.deepEqual(scriptOf('FROM a\nRUN cat <<EOF > /f\nsudo x\nEOF\n').words, ['cat > /f']);
    assert.deepEqual(scriptOf('FROM a\nRUN <<EOF\necho last', 1).words, ['echo last']);
    assert.deepEqual(scriptOf('FROM a\nRUN <<EOF\necho last\nEOF', 1).words, ['echo last']);
    assert.deepEqual(scriptOf('FROM a\r\nRUN <<-EOF\r\n\techo tabbed\r\n\tEOF\r\n', 1).words, ['echo tabbed']);
  });

  it('honours the escape directive, CRLF, flags and the exec form', () => {
    assert.deepEqual(scriptOf('# escape=`\nFROM a\nRUN echo a `\n  b\n', 2).words, ['echo a b']);
    assert.deepEqual(scriptOf('FROM a\r\nRUN --mount=type=cache,target=/x echo \\\r\n  hi\r\n').words, ['echo hi']);
    const exec = scriptOf('FROM a\nRUN ["apt-get", "install", "x"]\n');
    assert.equal(exec.script.execForm, true);
    assert.deepEqual(exec.words, ['apt-get install x']);
  });
});

describe('expandVariables', () => {
  const values = new Map([['A', 'one'], ['EMPTY', '']]);
  it('substitutes known values and defaults', () => {
    assert.equal(expandVariables('x-$A-${A}', values), 'x-one-one');
    assert.equal(expandVariables('${MISSING:-fallback}', values), 'fallback');
    assert.equal(expandVariables('${EMPTY:-"quoted"}', values), 'quoted');
    assert.equal(expandVariables('${A:+alt}', values), 'alt');
  });
  it('returns undefined when the value cannot be known', () => {
    assert.equal(expandVariables('$MISSING', values), undefined);
    assert.equal(expandVariables('${MISSING:+alt}', values), undefined);
    assert.equal(expandVariables('${A#o}', values), undefined);
  });
});
