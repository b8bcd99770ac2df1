import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('dockerfile/missing-healthcheck', {
  valid: [
    { name: 'has a HEALTHCHECK', code: 'FROM nginx:1.27\nEXPOSE 80\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n' },
    { name: 'HEALTHCHECK NONE is a choice', code: 'FROM nginx:1.27\nEXPOSE 80\nHEALTHCHECK NONE\n' },
    { name: 'inherited from the stage it is built FROM', code: 'FROM nginx:1.27 AS base\nHEALTHCHECK CMD curl -f http://localhost/\nFROM base\nEXPOSE 80\n' },
    { name: 'no port: not a service image', code: 'FROM alpine:3.20\nCMD ["sh"]\n' },
    { name: 'port only in a build stage', code: 'FROM node:20 AS build\nEXPOSE 3000\nFROM alpine:3.20\nCMD ["sh"]\n' },
  ],
  invalid: [
    {
      name: 'EXPOSE without HEALTHCHECK: info on the final FROM, template before CMD',
      code: 'FROM node:20\nEXPOSE 3000/tcp\nCMD ["node", "server.js"]\n',
      errors: [{ range: '0:0-0:12', severity: 'info', data: { port: '3000' } }],
      output: 'FROM node:20\nEXPOSE 3000/tcp\n# Probe the service the way a client would; the image must contain the tool (curl here). Adjust the path.\nHEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD curl -fsS http://localhost:3000/ || exit 1\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'port from an ARG default; appended at the end without a trailing newline',
      code: 'FROM golang:1.22 AS build\nFROM alpine:3.20 AS runtime\nARG PORT=8081\nEXPOSE ${PORT}',
      errors: [{ range: '1:0-1:27', data: { port: '8081' } }],
      output: 'FROM golang:1.22 AS build\nFROM alpine:3.20 AS runtime\nARG PORT=8081\nEXPOSE ${PORT}\n# Probe the service the way a client would; the image must contain the tool (curl here). Adjust the path.\nHEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD curl -fsS http://localhost:8081/ || exit 1\n',
    },
    {
      name: 'ONBUILD HEALTHCHECK does not count',
      code: 'FROM nginx:1.27\nEXPOSE 80\nONBUILD HEALTHCHECK CMD true\n',
      errors: [{ range: '0:0-0:15' }],
    },
  ],
});
