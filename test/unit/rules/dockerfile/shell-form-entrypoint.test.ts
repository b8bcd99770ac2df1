import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('dockerfile/shell-form-entrypoint', {
  valid: [
    { name: 'exec form', code: 'FROM node:20\nCMD ["node", "server.js"]\nENTRYPOINT ["/entrypoint.sh"]\n' },
    { name: 'HEALTHCHECK CMD is exempt', code: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nCMD ["nginx", "-g", "daemon off;"]\n' },
    { name: 'exec replaces the shell', code: 'FROM node:20\nCMD exec node server.js\n' },
    { name: 'only the shipped stages', code: 'FROM node:20 AS build\nCMD npm test\nFROM node:20-slim\nCMD ["node", "a.js"]\n' },
    { name: 'PowerShell image', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nCMD Start-Service w3svc\n' },
    { name: 'cmd is the default shell of Windows images', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCMD app.exe\n' },
  ],
  invalid: [
    {
      name: 'plain command: fix converts to exec form',
      code: 'FROM node:20\nCMD node server.js --port 3000\n',
      errors: [{ range: '1:0-1:30', messageIncludes: 'CMD ["executable", "arg"]' }],
      output: 'FROM node:20\nCMD ["node", "server.js", "--port", "3000"]\n',
    },
    {
      name: 'JSON with single quotes is shell form',
      code: "FROM node:20\nENTRYPOINT ['node', 'server.js']\n",
      errors: [{ range: '1:0-1:32', messageIncludes: 'ENTRYPOINT' }],
      output: 'FROM node:20\nENTRYPOINT ["node", "server.js"]\n',
    },
    {
      name: 'quoted argument with a space',
      code: 'FROM python:3.12\ncmd python "my app.py"\n',
      errors: [{ range: '1:0-1:22' }],
      output: 'FROM python:3.12\ncmd ["python", "my app.py"]\n',
    },
    {
      name: 'shell syntax: reported, no fix',
      code: 'FROM node:20\nCMD node server.js --port $PORT 2>&1\n',
      errors: [{ range: '1:0-1:36' }],
      output: null,
    },
    {
      name: 'continued over two lines',
      code: 'FROM node:20\nCMD node \\\n  server.js\n',
      errors: [{ range: '1:0-1:8' }],
      output: 'FROM node:20\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'inherited stage instructions count',
      code: 'FROM node:20 AS base\nENTRYPOINT node a.js\nFROM base\n',
      errors: [{ range: '1:0-1:20' }],
    },
  ],
});
