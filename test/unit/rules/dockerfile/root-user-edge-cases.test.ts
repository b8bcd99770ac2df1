import { ruleTester } from '../../../helpers/rule-tester';

// Edge cases beyond the headline tests in root-user.test.ts.
ruleTester('dockerfile/root-user', {
  valid: [
    { name: 'parent stage named through an ARG default', code: 'ARG BASE=app-base\nFROM alpine:3.20 AS app-base\nUSER 1000\nFROM ${BASE}\nCMD ["sh"]\n' },
    { name: 'stage picked by a platform variable: every candidate runs unprivileged', code: 'FROM alpine:3.20 AS app-linux\nUSER 1000\nFROM alpine:3.20 AS app-windows\nUSER app\nFROM app-${TARGETOS}\n' },
    { name: 'stage picked by a platform variable: one candidate sets a user, so the root path is not certain', code: 'FROM alpine:3.20 AS app-linux\nUSER 1000\nFROM alpine:3.20 AS app-windows\nFROM app-${TARGETOS}\n' },
    { name: 'USER from an ENV value', code: 'FROM alpine:3.20\nENV APP_USER app\nUSER $APP_USER\n' },
    { name: 'USER inside a RUN heredoc is not an instruction', code: 'FROM alpine:3.20\nUSER 1000\nRUN <<EOF\nUSER root\nEOF\n' },
  ],
  invalid: [
    {
      name: 'stage picked by a platform variable: every candidate runs as root',
      code: 'FROM alpine:3.20 AS app-linux\nFROM alpine:3.20 AS app-windows\nUSER root\nFROM app-${TARGETOS}\n',
      errors: [{ range: '3:0-3:20', messageIncludes: 'root' }],
    },
    {
      name: 'root group form 0:0 from an ARG',
      code: 'FROM alpine:3.20\nARG RUN_AS=0:0\nUSER ${RUN_AS}\n',
      errors: [{ range: '2:5-2:14', messageIncludes: '"0:0"' }],
    },
    {
      name: 'a continuation dangling at the end does not swallow the added USER',
      code: 'FROM alpine:3.20\nRUN echo hi \\',
      errors: [{ range: '0:0-0:16' }],
      output: 'FROM alpine:3.20\nRUN echo hi \n# Run as an unprivileged user; a numeric uid lets Kubernetes verify runAsNonRoot.\nUSER 10001\n',
    },
  ],
});
