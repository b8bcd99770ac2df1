import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('dockerfile/pip-no-cache-dir', {
  valid: [
    { name: 'flag given', code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n' },
    { name: 'ENV set earlier in the stage', code: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n' },
    { name: 'ENV set in the stage it is built FROM', code: 'FROM python:3.12-slim AS base\nENV PIP_NO_CACHE_DIR=off\nFROM base\nRUN pip install flask\n' },
    { name: 'prefix assignment', code: 'FROM python:3.12-slim\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n' },
    { name: 'cache mount', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n' },
    { name: 'cache removed in the same RUN', code: 'FROM python:3.12-slim\nRUN pip install flask && rm -rf /root/.cache/pip\n' },
    { name: 'a build stage whose output is copied', code: 'FROM python:3.12 AS build\nRUN pip install --prefix=/install flask\nFROM python:3.12-slim\nCOPY --from=build /install /usr/local\n' },
    { name: 'uv is not pip', code: 'FROM python:3.12-slim\nRUN uv pip install flask\n' },
    { name: 'pip download installs nothing', code: 'FROM python:3.12-slim\nRUN pip download flask\n' },
  ],
  invalid: [
    {
      name: 'pip install: fix inserts the flag',
      code: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt\n',
      errors: [{ range: '1:0-1:35' }],
      output: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n',
    },
    {
      name: 'pip3.12, python -m pip and a path to pip',
      code: 'FROM python:3.12-slim\nRUN pip3.12 install a && python3 -m pip install b && /opt/venv/bin/pip install c\n',
      errors: [{ range: '1:0-1:80' }],
      output: 'FROM python:3.12-slim\nRUN pip3.12 install --no-cache-dir a && python3 -m pip install --no-cache-dir b && /opt/venv/bin/pip install --no-cache-dir c\n',
    },
    {
      name: 'ENV set after the RUN does not count',
      code: 'FROM python:3.12-slim\nRUN pip install flask\nENV PIP_NO_CACHE_DIR=1\n',
      errors: [{ range: '1:0-1:21' }],
    },
    {
      name: 'exec form',
      code: 'FROM python:3.12-slim\nRUN ["pip", "install", "flask"]\n',
      errors: [{ range: '1:0-1:31' }],
      output: 'FROM python:3.12-slim\nRUN ["pip", "install", "--no-cache-dir", "flask"]\n',
    },
  ],
});
