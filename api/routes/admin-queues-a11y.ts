/**
 * What `/admin/queues` adds to bull-board's page for assistive technology (docs/accessibility.md),
 * served from this origin (its Content-Security-Policy allows script and style files from here):
 * - a script naming the icon-only buttons bull-board leaves without a name (header actions, the
 *   "more" menus on each queue), by their icon and the queue they belong to, and making the
 *   "No workers" badge's name start with the words it shows;
 * - colour overrides, light theme only, where its text fails WCAG AA contrast (4.5:1): the search
 *   shortcut, the workers badge, job timelines, destructive menu items, the selected queue.
 * bull-board renders with React and re-renders often, so the script re-applies on every change.
 */
export const A11Y_SCRIPT_FILE = 'tidewatch-a11y.js';
export const A11Y_STYLE_FILE = 'tidewatch-a11y.css';

export const A11Y_SCRIPT = `(function () {
  var ICON_NAMES = { maximize: 'Full screen', minimize: 'Exit full screen', settings: 'Settings', 'ellipsis-vertical': 'More actions',
    'panel-left': 'Toggle sidebar', 'panel-left-close': 'Collapse sidebar', 'panel-left-open': 'Expand sidebar', x: 'Close' };
  function iconOf(el) {
    var svg = el.querySelector('svg.lucide');
    var m = svg && /lucide-([a-z0-9-]+)/.exec(svg.getAttribute('class').replace('lucide-icon', ''));
    return m ? m[1] : '';
  }
  function nameOf(button) {
    if (button.querySelector('svg[role=img] .rds-b1')) return 'Redis details';
    var icon = iconOf(button);
    var name = ICON_NAMES[icon] || icon.replace(/-/g, ' ');
    var card = button.closest('[class*="queueCard-"]');
    var title = card && card.querySelector('h2, h3, h4, a');
    return name && title ? name + ' for queue ' + title.textContent.trim() : name;
  }
  function fix() {
    document.querySelectorAll('button:not([aria-label]):not([aria-labelledby])').forEach(function (b) {
      if (b.innerText.trim()) return; // innerText: an icon's own <style> is not a name
      var name = nameOf(b);
      if (name) b.setAttribute('aria-label', name);
    });
    document.querySelectorAll('svg[role=img]:not([aria-label])').forEach(function (s) {
      s.setAttribute('aria-hidden', 'true');
    });
    document.querySelectorAll('button[aria-label][class*="workersBadge-"]').forEach(function (b) {
      var shown = b.innerText.trim(), label = b.getAttribute('aria-label');
      if (shown && label.indexOf(shown) !== 0) b.setAttribute('aria-label', shown + ': ' + label);
    });
  }
  fix();
  new MutationObserver(fix).observe(document.getElementById('root'), { childList: true, subtree: true });
})();
`;

export const A11Y_STYLE = `
body:not(.dark-mode) [class*="searchShortcut-"]{color:#3d4451}
body:not(.dark-mode) [class*="workersBadge-"]{color:#8a4300}
body:not(.dark-mode) [class*="timeline-"] small{color:#4f5862;opacity:1}
body:not(.dark-mode) [role=menuitem][class*="danger-"]{color:#b91c1c!important}
body:not(.dark-mode) a[class*="active-"] [class*="queueName-"]{color:#0a4f47}
`;
