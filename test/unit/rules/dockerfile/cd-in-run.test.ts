import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('dockerfile/cd-in-run', {
  valid: [
    { name: 'WORKDIR', code: 'FROM node:20\nWORKDIR /app\nRUN npm ci\n' },
    { name: 'cd in a subshell', code: 'FROM alpine:3.20\nRUN (cd /src && make) && rm -rf /src\n' },
    { name: 'cd undone with cd -', code: 'FROM alpine:3.20\nRUN cd /tmp && tar xf a.tar && cd -\n' },
    { name: 'cd undone with cd / and "$OLDPWD"', code: 'FROM alpine:3.20\nRUN cd /tmp; make; cd /\nRUN cd /x && make && cd "$OLDPWD"\n' },
    { name: 'cd inside a command substitution', code: 'FROM alpine:3.20\nRUN echo "$(cd /tmp && pwd)"\n' },
    { name: 'pushd and popd', code: 'FROM alpine:3.20\nRUN pushd /src && make && popd\n' },
    { name: 'cd in an inner sh -c string', code: 'FROM alpine:3.20\nRUN sh -c "cd /src && make"\n' },
  ],
  invalid: [
    {
      name: 'cd then work: info on the RUN',
      code: 'FROM alpine:3.20\nRUN cd /src && make install\n',
      errors: [{ range: '1:0-1:27', severity: 'info', messageIncludes: 'WORKDIR /src', data: { directory: '/src' } }],
      output: null,
    },
    {
      name: 'cd in a brace group is not a subshell; continued lines',
      code: 'FROM alpine:3.20\nRUN { cd /opt/app; \\\n  ./configure; }\n',
      errors: [{ range: '1:0-1:18' }],
    },
    {
      name: 'a second cd after an undo',
      code: 'FROM alpine:3.20\nRUN cd /a && make && cd .. && cd /b && make\n',
      errors: [{ range: '1:0-1:43', messageIncludes: 'cd /b' }],
    },
    {
      name: 'heredoc script',
      code: 'FROM alpine:3.20\nRUN <<EOF\ncd /src\nmake\nEOF\n',
      errors: [{ range: '1:0-1:9' }],
    },
  ],
});
