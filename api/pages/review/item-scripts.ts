/**
 * The item page's two small inline scripts, as fixed strings so the pages' Content-Security-Policy
 * can allow them by hash (api/middleware/security-headers.ts), like the layout's keyboard script.
 */
/** Copies the one note field into whichever decision form is sent (a textarea belongs to one form only). */
export const NOTE_SCRIPT = `document.addEventListener('submit',function(e){var n=document.getElementById('note'),h=e.target.querySelector&&e.target.querySelector('input[type=hidden][name=note]');if(n&&h)h.value=n.value},true);`;
/** Hides the undo toast's button when the window closes, and counts down (politely: every 5 s and at the end). */
export const UNDO_SCRIPT = `(function(){var t=document.querySelector('[data-undo-until]');if(!t)return;var until=+t.getAttribute('data-undo-until'),left=t.querySelector('.undo-left'),f=document.getElementById('undo-form');var tick=function(){var s=Math.max(0,Math.ceil((until-Date.now())/1000));if(s===0){if(f)f.remove();left.textContent='Undo is no longer possible; a lead can reverse the decision.';clearInterval(i);return}if(s%5===0)left.textContent=s+' s to undo'};var i=setInterval(tick,1000)})();`;

export const ITEM_SCRIPTS = [NOTE_SCRIPT, UNDO_SCRIPT] as const;
