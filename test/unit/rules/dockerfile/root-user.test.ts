import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('dockerfile/root-user', {
  valid: [
    { name: 'numeric non-root user', code: 'FROM alpine:3.20\nUSER 10001\nCMD ["sh"]\n' },
    { name: 'named user', code: 'FROM alpine:3.20\nRUN adduser -D app\nUSER app\n' },
    { name: 'user inherited from an earlier stage', code: 'FROM alpine:3.20 AS base\nUSER 1000\nFROM base\nCMD ["sh"]\n' },
    { name: 'root only in a build stage', code: 'FROM golang:1.22 AS build\nUSER root\nRUN go build ./...\nFROM alpine:3.20\nUSER 1000\n' },
    { name: 'distroless nonroot tag', code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n' },
    { name: 'root for setup, then back to a user', code: 'FROM alpine:3.20\nUSER root\nRUN apk add --no-cache curl\nUSER app\n' },
    { name: 'user from an ARG default', code: 'FROM alpine:3.20\nARG APP_UID=1000\nUSER ${APP_UID}\n' },
    { name: 'empty file', code: '' },
  ],
  invalid: [
    {
      name: 'no USER: reported on the final FROM line, fix inserts before CMD',
      code: 'FROM node:20\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
      errors: [{ range: '0:0-0:12', messageIncludes: 'USER 10001' }],
      output: 'FROM node:20\nWORKDIR /app\nCOPY . .\n# Run as an unprivileged user; a numeric uid lets Kubernetes verify runAsNonRoot.\nUSER 10001\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'last USER is root with a group',
      code: 'FROM alpine:3.20\nUSER app\nUSER root:root\nENTRYPOINT ["/app"]\n',
      errors: [{ range: '2:5-2:14', messageIncludes: 'root:root' }],
      output: 'FROM alpine:3.20\nUSER app\nUSER root:root\n# Run as an unprivileged user; a numeric uid lets Kubernetes verify runAsNonRoot.\nUSER 10001\nENTRYPOINT ["/app"]\n',
    },
    {
      name: 'USER 0 at the end, no trailing newline: fix appends',
      code: 'FROM alpine:3.20\nUSER 0',
      errors: [{ range: '1:5-1:6' }],
      output: 'FROM alpine:3.20\nUSER 0\n# Run as an unprivileged user; a numeric uid lets Kubernetes verify runAsNonRoot.\nUSER 10001\n',
    },
    {
      name: 'only the final stage counts; ONBUILD USER does not',
      code: 'FROM alpine:3.20 AS build\nUSER 1000\nFROM alpine:3.20\nONBUILD USER 1000\n',
      errors: [{ range: '2:0-2:16' }],
    },
    {
      name: 'lowercase instructions and CRLF',
      code: 'from alpine:3.20\r\nuser root\r\ncmd ["sh"]\r\n',
      errors: [{ range: '1:5-1:9' }],
      output: 'from alpine:3.20\r\nuser root\r\n# Run as an unprivileged user; a numeric uid lets Kubernetes verify runAsNonRoot.\r\nUSER 10001\r\ncmd ["sh"]\r\n',
    },
    {
      name: 'Japanese comment before the FROM keeps UTF-16 columns',
      code: '# 日本語のコメント\nFROM alpine:3.20 # ベース\n',
      errors: [{ range: '1:0-1:22' }],
    },
  ],
});
