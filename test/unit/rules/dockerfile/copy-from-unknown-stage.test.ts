import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('dockerfile/copy-from-unknown-stage', {
  valid: [
    { name: 'earlier stage, case-insensitive', code: 'FROM golang:1.22 AS Builder\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=builder /app /app\n' },
    { name: 'stage index', code: 'FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=0 /app /app\n' },
    { name: 'image reference with a tag, registry or digest', code: 'FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /n\nCOPY --from=ghcr.io/x/y /a /a\nCOPY --from=busybox@sha256:abc /bin/busybox /b\n' },
    { name: 'name from an ARG default', code: 'ARG SRC=build\nFROM golang:1.22 AS build\nFROM alpine:3.20\nARG SRC\nCOPY --from=${SRC} /app /app\n' },
    { name: 'unknown variable', code: 'FROM alpine:3.20\nARG SRC\nCOPY --from=$SRC /a /a\n' },
    { name: 'RUN mount from an earlier stage', code: 'FROM golang:1.22 AS deps\nFROM alpine:3.20\nRUN --mount=type=bind,from=deps,source=/go,target=/go ls /go\n' },
  ],
  invalid: [
    {
      name: 'typo: fix uses the closest earlier stage',
      code: 'FROM golang:1.22 AS builder\nFROM alpine:3.20\nCOPY --from=buidler /app /app\n',
      errors: [{ range: '2:0-2:29', severity: 'error', messageIncludes: '"builder"', data: { reference: 'buidler', suggestion: 'builder' } }],
      output: 'FROM golang:1.22 AS builder\nFROM alpine:3.20\nCOPY --from=builder /app /app\n',
    },
    {
      name: 'a bare image name without stages: no fix',
      code: 'FROM alpine:3.20\nCOPY --from=busybox /bin/busybox /busybox\n',
      errors: [{ range: '1:0-1:41', messageIncludes: 'FROM … AS busybox' }],
      output: null,
    },
    {
      name: 'stage defined later',
      code: 'FROM alpine:3.20 AS final\nCOPY --from=build /app /app\nFROM golang:1.22 AS build\n',
      errors: [{ range: '1:0-1:27', messageIncludes: 'later' }],
    },
    {
      name: 'index that is not earlier',
      code: 'FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=1 /app /app\n',
      errors: [{ range: '2:0-2:23', messageIncludes: 'index 1' }],
    },
    {
      name: 'RUN --mount from a typo',
      code: 'FROM golang:1.22 AS deps\nFROM alpine:3.20\nRUN --mount=type=bind,from=dpes,target=/go ls /go\n',
      errors: [{ range: '2:0-2:49' }],
      output: 'FROM golang:1.22 AS deps\nFROM alpine:3.20\nRUN --mount=type=bind,from=deps,target=/go ls /go\n',
    },
  ],
});
