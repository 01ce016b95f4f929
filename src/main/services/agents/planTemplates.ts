import type { PlanBody, Subtask } from '../../../shared/agents/plan';

/**
 * Built-in plans for the requests designers make most, used when the coordinator's plan
 * is unusable (does not parse, cannot be repaired, or lacks the emails the request asks
 * for). Deterministic: the same request gives the same plan. Shape: analytics and design
 * first (in parallel), then every email in parallel on both, then personalisation and a
 * critic over the emails.
 */

export type PlanTemplateId = 'welcome' | 'reEngagement' | 'abandonedCart' | 'eventInvitation' | 'series';

interface TemplateText {
  title: string;
  goal: string;
  /** Per email (the last entry repeats): title and instructions. */
  emails: [title: string, instructions: string][];
  audience: string;
}

const texts: Record<PlanTemplateId, TemplateText> = {
  welcome: {
    title: 'Welcome series',
    goal: 'Welcome new sign-ups and lead them to their first success',
    audience: 'new sign-ups in their first week',
    emails: [
      ['Welcome email', 'Greet the new customer, say what to expect and point to one first step.'],
      ['Getting started tips', 'Share two or three tips that help them get value quickly.'],
      ['Check-in', 'Ask how it is going and offer help; invite a reply.'],
      ['Next steps', 'Suggest a next, more advanced thing to try.'],
    ],
  },
  reEngagement: {
    title: 'Re-engagement',
    goal: 'Win back contacts who have gone quiet',
    audience: 'contacts inactive for 60 days or more',
    emails: [
      ['We miss you', 'Remind them of the value they signed up for, warmly and briefly.'],
      ['What is new', 'Show what changed since they were last here.'],
      ['Last call', 'Ask if they still want to hear from us; make staying or leaving easy.'],
    ],
  },
  abandonedCart: {
    title: 'Abandoned cart',
    goal: 'Bring shoppers back to the cart they left',
    audience: 'shoppers who left items in the cart',
    emails: [
      ['Cart reminder', 'Remind them of what they left, with a clear way back to the cart.'],
      ['Questions answered', 'Answer the usual doubts (delivery, returns) without inventing offers.'],
      ['Final reminder', 'A short, friendly last reminder.'],
    ],
  },
  eventInvitation: {
    title: 'Event invitation',
    goal: 'Invite contacts to the event and get them there',
    audience: 'contacts who may attend the event',
    emails: [
      ['Invitation', 'Invite them: what, when, where and why it is worth it.'],
      ['Reminder', 'Remind registrants the day before with the practical details.'],
      ['Follow-up', 'Thank attendees and share what comes next.'],
    ],
  },
  series: {
    title: 'Email series',
    goal: 'Write the email series the designer asked for',
    audience: 'the campaign’s contacts',
    emails: [
      ['First email', 'Open the series and set out its promise.'],
      ['Second email', 'Build on the first email with more depth.'],
      ['Third email', 'Close the series with a clear next step.'],
    ],
  },
};

const numberWords: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };

/** How many emails a request asks for ("a 3-email series", "three emails"), capped at 6; null when it does not say. */
export function requestedEmails(request: string): number | null {
  const match = /\b(\d{1,2}|one|two|three|four|five|six)[\s-]*(?:part[\s-]*)?(?:e-?mails?|mails?|messages?)\b/i.exec(
    request,
  );
  if (!match) return null;
  const raw = match[1].toLowerCase();
  const n = numberWords[raw] ?? Number.parseInt(raw, 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 6) : null;
}

/** The built-in plan that fits a request. */
export function templateFor(request: string): PlanTemplateId {
  const r = request.toLowerCase();
  if (/welcome|onboard|sign[\s-]?up|new (customer|user)s?/.test(r)) return 'welcome';
  if (/re-?engag|win[\s-]?back|inactive|lapsed|dormant|miss you/.test(r)) return 'reEngagement';
  if (/cart|checkout|basket/.test(r)) return 'abandonedCart';
  if (/event|webinar|invit|conference|meetup/.test(r)) return 'eventInvitation';
  return 'series';
}

/** The title a template is shown with. */
export function templateTitle(id: PlanTemplateId): string {
  return texts[id].title;
}

/** The built-in plan for `request`: its kind's emails, as many as asked (default 3). */
export function templatePlan(request: string): { id: PlanTemplateId; plan: PlanBody } {
  const id = templateFor(request);
  const t = texts[id];
  const count = requestedEmails(request) ?? 3;
  const subtasks: Subtask[] = [
    {
      id: 'audience',
      role: 'analytics',
      title: 'Audience and timing',
      instructions: `Describe ${t.audience}: what they need, the best send times and the waits between emails, and what to measure.`,
      dependsOn: [],
      output: 'analysis',
    },
    {
      id: 'design',
      role: 'design',
      title: 'Layout and tone',
      instructions: 'Decide the structure every email shares: heading style, length, one call to action, tone.',
      dependsOn: [],
      output: 'note',
    },
  ];
  const emailIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const [title, instructions] = t.emails[Math.min(i, t.emails.length - 1)];
    const emailId = `email${i + 1}`;
    emailIds.push(emailId);
    subtasks.push({
      id: emailId,
      role: 'content',
      title: i >= t.emails.length ? `${title} ${i + 1}` : title,
      instructions: `Email ${i + 1} of ${count}. ${instructions}`,
      dependsOn: ['audience', 'design'],
      output: 'email',
    });
  }
  subtasks.push(
    {
      id: 'personalise',
      role: 'personalisation',
      title: 'Personalisation',
      instructions: 'Say which fields (first name, plan, last activity) each email should use, with fallbacks.',
      dependsOn: emailIds,
      output: 'note',
    },
    {
      id: 'review',
      role: 'critic',
      title: 'Review the series',
      instructions: 'Check the emails together: tone, repetition, claims, subject lines. Give concrete fixes.',
      dependsOn: [...emailIds, 'personalise'],
      output: 'analysis',
    },
  );
  return { id, plan: { goal: t.goal, subtasks } };
}
