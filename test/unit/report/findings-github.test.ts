import { describe, it, expect } from 'vitest';
import { escapeGithubData, escapeGithubProperty, github } from '../../../src/core/report/findings/github.js';
import type { Finding } from '../../../src/core/findings.js';
import { RESULT, context } from './findings-fixture.js';

describe('github findings format', () => {
  it('writes one workflow command per finding, in order', () => {
    const lines = github(RESULT, context()).split('\n');
    expect(lines.at(-1)).toBe(''); // trailing newline
    expect(lines.slice(0, -1)).toEqual([
      '::error file=playbooks/eu/circp.yaml,line=5,col=10,title=schema/type::must be string',
      '::error file=playbooks/eu/circp.yaml,line=8,col=11,title=ref/unknown-step::next names "no-such-step", which is not a step of this plan',
      '::warning file=playbooks/eu/circp.yaml,line=10,col=14,title=style/tabs::tabs in a value',
      '::error file=playbooks/eu/circp.yaml,line=12,col=118,title=schema/maxLength::must NOT have more than 200 characters',
      '::warning file=playbooks/national/be.yaml,line=3,col=1,title=flow/unreachable-step::step "x" is never reached',
      '::error file=playbooks/national/be.yaml,line=14,col=5,title=yaml/syntax::Implicit keys need to be on a single line%0Aat line 14',
    ]);
  });

  it('escapes %, CR and LF in the message and also : and , in properties', () => {
    expect(escapeGithubData('50%\r\nx: a,b')).toBe('50%25%0D%0Ax: a,b');
    expect(escapeGithubProperty('C:\\a,b%\n')).toBe('C%3A\\a%2Cb%25%0A');
    const f: Finding = { file: 'dir,x/a:b.yaml', line: 1, column: 2, severity: 'error', rule: 'nis2:x,y', message: '100%: a\nb', path: '' };
    expect(github({ files: [f.file], findings: [f] }, context())).toBe(
      '::error file=dir%2Cx/a%3Ab.yaml,line=1,col=2,title=nis2%3Ax%2Cy::100%25: a%0Ab\n',
    );
  });

  it('makes other control characters visible instead of passing them to the job log', () => {
    const f: Finding = { file: 'a\u001b.yaml', line: 1, column: 1, severity: 'warning', rule: 'r', message: 'x\u001b[2J\u0000\ty', path: '' };
    expect(github({ files: [f.file], findings: [f] }, context())).toBe('::warning file=a␛.yaml,line=1,col=1,title=r::x␛[2J␀ y\n');
  });

  it('prints nothing when there are no findings', () => {
    expect(github({ files: ['a.yaml'], findings: [] }, context())).toBe('');
  });
});
