// Every relative link in the project's Markdown (README, docs/, data/, fixtures/, bench/) leads to a
// file or folder that exists, and every #anchor to a heading of its page, slugged as GitHub and npm
// slug them (github-slugger). The README and docs/performance.md link into each other's sections,
// so a heading renamed or a section moved breaks a link here, not for a reader.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
/** Folders whose Markdown is written by hand (api/ is api-extractor's). */
const FOLDERS = ['docs', 'data', 'fixtures', 'bench'];

function markdownFiles(): string[] {
  const files = [join(ROOT, 'README.md')];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (name === 'node_modules') continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) files.push(path);
    }
  };
  for (const folder of FOLDERS) walk(join(ROOT, folder));
  return files;
}

/** The text outside fenced code blocks (a link or heading inside one is an example). */
function proseOf(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
}

/** The anchors of a page: its headings as GitHub slugs them (a repeated heading gets -1, -2 …), and explicit ids. */
function anchorsOf(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  for (const [, heading] of proseOf(markdown).matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) anchors.add(slugger.slug(heading!));
  for (const [, id] of markdown.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) anchors.add(id!);
  return anchors;
}

/** The targets of a page's links and images: `[text](target)`, `![alt](target "title")`. */
function linkTargets(markdown: string): string[] {
  return [...proseOf(markdown).matchAll(/\]\(<?([^)\s>]+)>?(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
}

/** What is wrong with a relative link from `page` (undefined: nothing; external links are not checked). */
function brokenLink(page: string, target: string, anchorsOfPage: (path: string) => Set<string>): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined;
  const hash = target.indexOf('#');
  const pathPart = decodeURIComponent(hash < 0 ? target : target.slice(0, hash));
  const anchor = hash < 0 ? undefined : decodeURIComponent(target.slice(hash + 1));
  const file = pathPart === '' ? page : resolve(dirname(page), pathPart);
  if (!existsSync(file)) return `${target}: no such file or folder (${relative(ROOT, file)})`;
  if (anchor === undefined || anchor === '' || !file.endsWith('.md')) return undefined;
  return anchorsOfPage(file).has(anchor) ? undefined : `${target}: ${relative(ROOT, file)} has no heading with the anchor #${anchor}`;
}

describe('links in the Markdown', () => {
  it('github-slugger slugs headings as the README links to them', () => {
    // Worked by hand from GitHub's rule: lower case, punctuation (backticks, parentheses, commas,
    // colons, dots, the en dash) dropped, each space a hyphen; a repeated heading gets -1.
    const anchors = anchorsOf('# Regions in a tree (`--level`, `--rollup`)\n## Uncertainty in every report: the p5–p95 intervals\n### Norms\n### Norms\n');
    expect([...anchors]).toEqual(['regions-in-a-tree---level---rollup', 'uncertainty-in-every-report-the-p5p95-intervals', 'norms', 'norms-1']);
  });

  it('headings and links inside fenced code are not read', () => {
    const page = '# Top\n```sh\n# not a heading\necho [x](missing.md)\n```\n[up](#top)\n';
    expect([...anchorsOf(page)]).toEqual(['top']);
    expect(linkTargets(page)).toEqual(['#top']);
  });

  it('a missing file and a missing anchor are each found', () => {
    const page = join(ROOT, 'README.md');
    const anchors = (path: string) => anchorsOf(readFileSync(path, 'utf8'));
    expect(brokenLink(page, 'docs/no-such-page.md', anchors)).toMatch(/no such file/);
    expect(brokenLink(page, 'docs/performance.md#no-such-section', anchors)).toMatch(/has no heading with the anchor #no-such-section/);
    expect(brokenLink(page, '#no-such-section', anchors)).toMatch(/README\.md has no heading/);
    expect(brokenLink(page, 'docs/performance.md#how-it-is-made-fast', anchors)).toBeUndefined();
    expect(brokenLink(page, 'https://example.org/#anything', anchors)).toBeUndefined();
  });

  const files = markdownFiles();
  const cache = new Map<string, Set<string>>();
  const anchorsOfPage = (path: string): Set<string> => {
    let anchors = cache.get(path);
    if (anchors === undefined) cache.set(path, (anchors = anchorsOf(readFileSync(path, 'utf8'))));
    return anchors;
  };

  it('the pages checked include the README and docs/performance.md', () => {
    const names = files.map((f) => relative(ROOT, f));
    expect(names).toContain('README.md');
    expect(names).toContain(join('docs', 'performance.md'));
    expect(names.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(ROOT, f), f]))('%s: every relative link leads somewhere', (_name, file) => {
    const broken = linkTargets(readFileSync(file, 'utf8'))
      .map((target) => brokenLink(file, target, anchorsOfPage))
      .filter((problem) => problem !== undefined);
    expect(broken).toEqual([]);
  });
});
