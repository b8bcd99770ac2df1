import { ruleTester } from '../../../helpers/rule-tester';

const RUNTIME_NOTE = '# Runtime stage: only what the application needs to run. Check that gcr.io/distroless/static-debian12:nonroot suits it.';

ruleTester('dockerfile/no-multi-stage', {
  valid: [
    { name: 'already multi-stage', code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n' },
    { name: 'dependency install alone is not a build', code: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt\nFROM node:20\nRUN npm ci\n' },
    { name: 'toolchain installed and purged in the same RUN', code: 'FROM debian:12\nRUN apt-get install -y gcc && make && apt-get purge -y gcc\n' },
    { name: 'apk virtual build dependencies removed in the same RUN', code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc make musl-dev \\\n && make && make install \\\n && apk del --no-network .build-deps\n' },
    { name: 'apt-mark auto and purge --auto-remove in the same RUN', code: 'FROM debian:12\nRUN savedAptMark="$(apt-mark showmanual)" && apt-get install -y gcc make && make \\\n && apt-mark auto \'.*\' > /dev/null && apt-mark manual $savedAptMark \\\n && apt-get purge -y --auto-remove\n' },
    { name: 'make in a heredoc fed to a file', code: 'FROM alpine:3.20\nRUN cat <<EOF > /notes\nmake all\nEOF\n' },
    { name: 'npm run test is not a build', code: 'FROM node:20\nRUN npm run test\n' },
  ],
  invalid: [
    {
      name: 'go build in a single stage: reported at the build words, refactor into two stages',
      code: 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nEXPOSE 8080\nCMD ["/app"]\n',
      errors: [{ range: '3:4-3:12', messageIncludes: '"go build"' }],
      output: `FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n\n${RUNTIME_NOTE}\nFROM gcr.io/distroless/static-debian12:nonroot\nWORKDIR /src\nCOPY --from=build /src /src\nEXPOSE 8080\nCMD ["/app"]\n`,
    },
    {
      name: 'a toolchain package installed: reported at the package',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y build-essential\n',
      errors: [{ range: '1:41-1:56', messageIncludes: 'build-essential' }],
    },
    {
      name: 'a continuation dangling at the end is closed before the runtime stage',
      code: 'FROM golang:1.22\nRUN go build -o /app . \\',
      errors: [{ range: '1:4-1:12' }],
      output: `FROM golang:1.22 AS build\nRUN go build -o /app . \n\n${RUNTIME_NOTE}\nFROM gcr.io/distroless/static-debian12:nonroot\nWORKDIR /app\nCOPY --from=build /app /app\n`,
    },
    {
      name: 'a build in a heredoc script, lowercase instruction',
      code: 'from node:20\nrun <<EOF\nnpm ci\nnpm run build\nEOF\n',
      errors: [{ range: '3:0-3:13' }],
    },
  ],
});
