// Python reads the token scanner used to miss (issue 11, class 5): f-strings, membership tests,
// setdefault/pop, fallbacks, and pydantic BaseSettings fields.
import { describe, expect, it } from 'vitest';
import { scanPython } from '../../src/env/scan-py.js';

type Read = { name: string; line: number; kind: string; alternatives?: string[] };
const reads = (r: { reads: Read[] }) => r.reads.map((x) => `${x.name}:${x.line}:${x.kind}`).sort();
const alternatives = (r: { reads: Read[] }) => Object.fromEntries(r.reads.map((x) => [x.name, [...(x.alternatives ?? [])].sort()]));

describe('scanPython: reads beyond os.environ[...] and getenv', () => {
  it('reads inside f-strings, membership tests, setdefault and pop, and through from-imports', () => {
    const src = [
      'import os',
      'from os import environ, getenv',
      'url = f"postgresql://{os.environ[\'DB_USER\']}@{os.getenv(\'DB_HOST\')}/db"',
      'if "FEATURE_X" in os.environ:',
      '    pass',
      "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'app.settings')",
      "token = os.environ.pop('ONE_TIME_TOKEN', None)",
      "level = environ.get('LOG_LEVEL')",
      "region = getenv('REGION', 'eu')",
      "plain = f'{{os.getenv(\"NOT_A_READ\")}}'",
    ].join('\n');
    expect(reads(scanPython(src, 'm.py'))).toEqual([
      'DB_HOST:3:python',
      'DB_USER:3:python',
      'DJANGO_SETTINGS_MODULE:6:python',
      'FEATURE_X:4:python',
      'LOG_LEVEL:8:python',
      'ONE_TIME_TOKEN:7:python',
      'REGION:9:python',
    ]);
  });

  it('records fallbacks: os.getenv("A") or os.getenv("B"), and a getenv default that reads another name', () => {
    const src = [
      'import os',
      'a = os.getenv("PRIMARY_URL") or os.environ.get("BACKUP_URL") or "http://localhost"',
      'b = os.getenv("NEW_NAME", os.getenv("OLD_NAME"))',
      'c = os.getenv("ALONE")',
    ].join('\n');
    expect(alternatives(scanPython(src, 'm.py'))).toEqual({
      PRIMARY_URL: ['BACKUP_URL'],
      BACKUP_URL: ['PRIMARY_URL'],
      NEW_NAME: ['OLD_NAME'],
      OLD_NAME: ['NEW_NAME'],
      ALONE: [],
    });
  });
});

describe('scanPython: pydantic BaseSettings', () => {
  it('counts annotated fields, upper-cased, with the v2 env_prefix, and a literal alias as is', () => {
    const src = [
      'from pydantic import Field, computed_field',
      'from pydantic_settings import BaseSettings, SettingsConfigDict',
      '',
      'class Settings(BaseSettings):',
      '    model_config = SettingsConfigDict(env_file=".env", env_prefix="APP_")',
      '',
      '    secret_key: str',
      '    database_url: str = "sqlite://"',
      '    smtp_port: int | None = None',
      '    sentry: str = Field(default="", alias="SENTRY_DSN")',
      '    _private: str = "x"',
      '',
      '    @computed_field',
      '    def server_host(self) -> str:',
      '        local: str = "x"',
      '        return local',
      '',
      'other: str = "not a field"',
    ].join('\n');
    expect(reads(scanPython(src, 'config.py'))).toEqual([
      'APP_DATABASE_URL:8:schema',
      'APP_SECRET_KEY:7:schema',
      'APP_SMTP_PORT:9:schema',
      'SENTRY_DSN:10:schema',
    ]);
  });

  it('honours the v1 class Config env_prefix, a subclass of a settings class, and AliasChoices as alternatives', () => {
    const src = [
      'from pydantic import BaseSettings, Field',
      'from pydantic import AliasChoices',
      '',
      'class Base(BaseSettings):',
      '    debug: bool = False',
      '',
      '    class Config:',
      "        env_prefix = 'SVC_'",
      '',
      'class Mail(Base):',
      '    host: str = Field(validation_alias=AliasChoices("MAIL_HOST", "SMTP_HOST"))',
      '',
      'class NotSettings:',
      '    name: str',
    ].join('\n');
    const r = scanPython(src, 'settings.py');
    expect(reads(r)).toEqual(['MAIL_HOST:11:schema', 'SMTP_HOST:11:schema', 'SVC_DEBUG:5:schema']);
    expect(alternatives(r)).toEqual({ SVC_DEBUG: [], MAIL_HOST: ['SMTP_HOST'], SMTP_HOST: ['MAIL_HOST'] });
  });
});
