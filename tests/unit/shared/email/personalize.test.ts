import { describe, expect, it } from 'vitest';
import { formatTag, parseTags, personalize, tagNames, unknownTags } from '../../../../src/shared/email/personalize';

describe('parseTags', () => {
  it('reads names and fallbacks with any whitespace, with positions', () => {
    const text = 'Hi {{first_name}}, {{  company.name |"Acme" }}!{{\n plan\t|\t"free"\n}}';
    expect(parseTags(text)).toEqual({
      tags: [
        { name: 'first_name', start: 3, end: 17 },
        { name: 'company.name', fallback: 'Acme', start: 19, end: 46 },
        { name: 'plan', fallback: 'free', start: 47, end: text.length },
      ],
      errors: [],
    });
  });

  it('unescapes quotes and backslashes in fallbacks, and keeps }} and | inside them', () => {
    const text = '{{ nick | "the \\"best\\" \\\\ one }} | ok" }}';
    expect(parseTags(text).tags).toEqual([
      { name: 'nick', fallback: 'the "best" \\ one }} | ok', start: 0, end: text.length },
    ]);
    expect(parseTags('{{ nick | "" }}').tags[0].fallback).toBe('');
  });

  it('reports malformed tags with where they are and what to do', () => {
    const cases: [string, RegExp][] = [
      ['Hello {{ first_name', /^This tag has no closing }}; close it, e\.g\. \{\{ first_name \| "there" }}\.$/],
      ['{{ }}', /^This tag has no attribute name; write one/],
      ['{{ | "x" }}', /^This tag has no attribute name/],
      ['{{ first name }}', /^“first name” is not an attribute name; use letters, digits, _ and dots/],
      ['{{ 1st }}', /is not an attribute name/],
      ['{{ name | there }}', /^Put the fallback in double quotes/],
      ['{{ name | }}', /^The fallback after \| is empty/],
      ['{{ name | "there" extra }}', /^Only the quoted fallback may follow the \|/],
      ['{{ a.b. }}', /is not an attribute name/],
    ];
    for (const [text, message] of cases) {
      const { tags, errors } = parseTags(text);
      expect(tags, text).toEqual([]);
      expect(errors, text).toHaveLength(1);
      expect(errors[0].message, text).toMatch(message);
      expect(errors[0].start, text).toBe(text.indexOf('{{'));
    }
  });

  it('reports an unclosed fallback quote as an unterminated tag', () => {
    expect(parseTags('{{ name | "there }}').errors[0].message).toMatch(/no closing }}/);
  });

  it('recovers after an unterminated tag and keeps parsing the next one', () => {
    const { tags, errors } = parseTags('{{ first_name {{ last_name }} and {{ x');
    expect(tags.map((t) => t.name)).toEqual(['last_name']);
    expect(errors.map((e) => [e.start, e.end])).toEqual([
      [0, 14],
      [34, 38],
    ]);
  });

  it('does not let a stray quote in a name swallow the rest', () => {
    const { tags, errors } = parseTags('{{ fi"rst }} and {{ ok }}');
    expect(errors).toHaveLength(1);
    expect(tags.map((t) => t.name)).toEqual(['ok']);
  });

  it('never throws on any input', () => {
    for (const input of [null, undefined, 42, {}, [], '{{', '}}', '{{{{}}}}', '{'.repeat(1000), '"|\\']) {
      expect(() => parseTags(input)).not.toThrow();
      expect(() => personalize(input, input)).not.toThrow();
    }
  });
});

describe('personalize', () => {
  const contact = { first_name: 'Ada', plan: 'pro', visits: 3, vip: false, empty: '', company: { name: 'Acme' } };

  it('fills values, numbers and booleans, flat and nested names', () => {
    const out = personalize('{{first_name}} ({{ plan }}), {{visits}} visits, vip {{vip}}, {{ company.name }}', contact);
    expect(out).toEqual({ text: 'Ada (pro), 3 visits, vip false, Acme', missing: [], unknown: [], errors: [] });
    expect(personalize('{{ company.name }}', { 'company.name': 'Flat Co' }).text).toBe('Flat Co');
  });

  it('uses the fallback when the value is missing or empty, without reporting it', () => {
    const out = personalize('Hi {{ nickname | "there" }} {{ empty | "friend" }}', contact);
    expect(out).toMatchObject({ text: 'Hi there friend', missing: [] });
  });

  it('renders a missing value without fallback as empty and reports it once', () => {
    const out = personalize('Hi {{ nickname }}{{ nickname }} at {{ company.city }}', contact);
    expect(out).toMatchObject({ text: 'Hi  at ', missing: ['nickname', 'company.city'] });
  });

  it('reports attributes outside the known list, even with a value or fallback', () => {
    const out = personalize('{{ first_name }} {{ shoe_size | "?" }} {{ plan }}', contact, {
      knownAttributes: ['first_name'],
    });
    expect(out).toMatchObject({ text: 'Ada ? pro', unknown: ['shoe_size', 'plan'], missing: [] });
    expect(personalize('{{ x }}', {}).unknown).toEqual([]);
  });

  it('leaves malformed tags as written and reports them', () => {
    const out = personalize('Hi {{ first name }}, {{ first_name }}', contact);
    expect(out.text).toBe('Hi {{ first name }}, Ada');
    expect(out.errors).toHaveLength(1);
  });

  it('does not read inherited properties', () => {
    expect(personalize('{{ constructor }}{{ toString | "-" }}', {}).text).toBe('-');
  });
});

describe('tag helpers', () => {
  it('lists names, unknown names, and formats tags for the picker', () => {
    expect(tagNames('{{ a }} {{ b | "x" }} {{ a }} {{ bad name }}')).toEqual(['a', 'b']);
    expect(unknownTags('{{ a }} {{ b }}', ['a'])).toEqual(['b']);
    expect(formatTag('first_name')).toBe('{{ first_name }}');
    const tag = formatTag('nick', 'the "one" \\');
    expect(tag).toBe('{{ nick | "the \\"one\\" \\\\" }}');
    expect(parseTags(tag).tags[0]).toMatchObject({ name: 'nick', fallback: 'the "one" \\' });
  });
});
