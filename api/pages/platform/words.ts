/**
 * Plain words for what the platform and questions pages show: statuses, detector categories,
 * and audit actions (signals in words: detector/signal-words.ts; direction: review/direction.ts). Internal codes are
 * never the only thing a person sees.
 */

export const STATUS_WORDS: Record<string, string> = {
  queued: 'waiting to be sent',
  sent: 'sent, awaiting your acknowledgement',
  acknowledged: 'acknowledged',
  needs_info: 'question asked, awaiting an answer',
  actioned: 'actioned (content removed or restricted)',
  declined: 'declined',
  confirmed_offline: 'confirmed offline',
  still_online: 'still online after the decision',
  reappeared: 'reappeared after removal',
  failed: 'delivery failed',
};

export const CATEGORY_WORDS: Record<string, string> = {
  boat_crossing: 'small-boat sea crossings',
  lorry: 'concealment in lorries',
  flight_documents: 'flights on false documents',
  land_route: 'irregular land-route crossings',
  job_lure: 'irregular entry disguised as job offers',
  recruitment: 'recruitment into a smuggling operation',
  none: 'no specific smuggling category',
};

export const ACTION_WORDS: Record<string, string> = {
  'referral.create': 'referral created',
  'referral.queued': 'queued for sending',
  'referral.sent': 'notice sent',
  'referral.failed': 'delivery failed',
  'referral.redeliver': 'sent again (re-delivery)',
  'referral.acknowledged': 'acknowledged by the platform',
  'referral.actioned': 'actioned by the platform',
  'referral.declined': 'declined by the platform',
  'referral.needs_info': 'platform asked a question',
  'referral.answer': 'question answered',
  'referral.offline': 'content found offline',
  'referral.confirmed_offline': 'confirmed offline',
  'referral.still_online': 'still online',
  'referral.reappeared': 'reappeared',
};
