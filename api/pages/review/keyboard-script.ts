/**
 * The review pages' one keyboard layer, inlined by the Layout (no front-end build). Rules:
 * - single-key shortcuts act only when focus is on the page body or a queue row, so Enter or a
 *   letter on a focused link, button or field does what that control does;
 * - they can be turned off per person (`body[data-shortcuts=off]`, WCAG 2.1.4);
 * - j/k move real focus between rows (roving tabindex), so screen readers announce the row; a
 *   focused row also takes Enter and the arrow keys, which are not single-key shortcuts;
 * - a key that cannot act now says why in the `#shortcut-status` live region;
 * - `c` (which queues a referral) needs a second press within a few seconds;
 * - the lease countdown is announced at 5 min, 1 min, 30 s and expiry, not every second.
 * Shortcuts listed here are also listed in the `?` dialog (layout.tsx SHORTCUTS): keep them in step.
 */
export const KEYBOARD_SCRIPT = `
(function(){
  var body=document.body,enabled=body.getAttribute('data-shortcuts')==='on';
  var status=document.getElementById('shortcut-status');
  var clearTimer;
  function say(msg){if(!status)return;status.textContent='';setTimeout(function(){status.textContent=msg},30);clearTimeout(clearTimer);clearTimer=setTimeout(function(){status.textContent=''},8000)}
  var rows=[].slice.call(document.querySelectorAll('tr[data-href]')),sel=0;
  function mark(i){sel=Math.max(0,Math.min(rows.length-1,i));rows.forEach(function(r,k){r.setAttribute('tabindex',k===sel?'0':'-1');r.setAttribute('aria-selected',k===sel?'true':'false')})}
  function focusRow(i){if(!rows.length)return false;mark(i);rows[sel].focus();rows[sel].scrollIntoView({block:'nearest'});return true}
  if(rows.length)mark(0);
  rows.forEach(function(r,k){r.addEventListener('focus',function(){mark(k)});r.addEventListener('click',function(e){if(e.target.closest('a,button,input,select,textarea,label'))return;location.href=r.getAttribute('data-href')})});
  function byId(id){return document.getElementById(id)}
  function submit(f){if(f.requestSubmit)f.requestSubmit();else f.submit()}
  // Decide forms carry the note typed in #note (one field for all four decisions).
  var note=byId('note');
  [].slice.call(document.querySelectorAll('form[id^="decide-"]')).forEach(function(f){f.addEventListener('submit',function(){
    if(!note)return;var h=f.querySelector('input[type=hidden][name=note]');
    if(!h){h=document.createElement('input');h.type='hidden';h.name='note';f.appendChild(h)}
    h.value=note.value});
  });
  var dialog=byId('shortcuts-dialog');
  var openHelp=byId('show-shortcuts');
  if(openHelp&&dialog)openHelp.addEventListener('click',function(){dialog.showModal()});
  var names={confirm:'confirm',reject:'reject',escalate:'escalate',needs_translation:'needs translation'};
  var decideKeys={c:'confirm',r:'reject',e:'escalate',t:'needs_translation'};
  var reasonIndex=null,confirmArmed=0;
  function whyNoDecision(k){
    if(byId('claim-form'))return k+': claim this item first (press a)';
    if(byId('lease'))return k+': this item is held by someone else';
    if(byId('post-text'))return k+': this item is not open for a decision';
    return k+': open an item first (Enter on a row, or n for the next one)';
  }
  function decide(k){
    var action=decideKeys[k],f=byId('decide-'+action);
    if(!f){say(whyNoDecision(k));return}
    var select=f.querySelector('select[name=reasonCode]');
    if(reasonIndex!==null&&select){
      if(reasonIndex>=select.options.length){say(k+': '+names[action]+' has only '+select.options.length+' reasons');reasonIndex=null;return}
      select.selectedIndex=reasonIndex;
    }
    reasonIndex=null;
    var reason=select&&select.options[select.selectedIndex]?select.options[select.selectedIndex].text:'';
    if(action==='confirm'&&Date.now()-confirmArmed>4000){
      confirmArmed=Date.now();
      say('Press c again to confirm ('+reason+'): this refers the post to its platform');return;
    }
    confirmArmed=0;
    say(names[action]+(reason?' ('+reason+')':'')+'…');submit(f);
  }
  document.addEventListener('keydown',function(e){
    if(e.ctrlKey||e.metaKey||e.altKey||e.defaultPrevented)return;
    if(dialog&&dialog.open)return;
    var t=e.target,onRow=!!(t&&t.matches&&t.matches('tr[data-href]'));
    // A focused row behaves like a control (Enter opens, arrows move), shortcuts on or off.
    if(onRow&&(e.key==='Enter'||e.key==='ArrowDown'||e.key==='ArrowUp')){
      e.preventDefault();
      if(e.key==='Enter')location.href=t.getAttribute('data-href');else focusRow(sel+(e.key==='ArrowDown'?1:-1));
      return;
    }
    if(!enabled)return;
    if(!(onRow||t===body||t===document.documentElement))return;
    var k=e.key;
    if(k==='j'||k==='k'){if(!focusRow(sel+(k==='j'?1:-1)))say(k+': there is no list on this page')}
    else if(k==='Enter'){if(onRow)location.href=t.getAttribute('data-href');else if(rows.length)location.href=rows[sel].getAttribute('data-href');else return}
    else if(decideKeys[k]){decide(k)}
    else if(k>='1'&&k<='9'){
      if(!document.querySelector('form[id^="decide-"]')){say(k+': reasons can be picked only on an item you hold');return}
      reasonIndex=Number(k)-1;say('Reason '+k+' picked for the next decision: press c, r, e or t');
    }
    else if(k==='a'){var cf=byId('claim-form');if(cf){say('claiming…');submit(cf)}else say(byId('lease')?'a: this item is already claimed':byId('post-text')?'a: this item cannot be claimed':'a: open an item first, or press n to take the next one')}
    else if(k==='s'){var rf=byId('release-form'),nf=byId('take-next');if(rf){say('releasing…');submit(rf)}else if(nf&&byId('post-text')){say('skipping to the next item…');submit(nf)}else say('s: nothing to release or skip here')}
    else if(k==='n'){var tn=byId('take-next');if(tn){say('taking the next item…');submit(tn)}else say('n: no queue to take from on this page')}
    else if(k==='/'){if(note)note.focus();else say('/: there is no note field here (open an item you hold)')}
    else if(k==='?'){if(dialog)dialog.showModal()}
    else return;
    e.preventDefault();
  });
  // Lease: the visible countdown ticks each second; the live region speaks only at thresholds.
  var lease=byId('lease'),leaseSay=byId('lease-status');
  if(lease){
    var until=Date.parse(lease.getAttribute('data-expires')),spoken={};
    var marks=[[300,'5 minutes left on your claim'],[60,'1 minute left on your claim'],[30,'30 seconds left on your claim'],[0,'Your claim has expired; claim the item again to decide']];
    var tick=function(){
      var s=Math.max(0,Math.round((until-Date.now())/1000));
      lease.textContent=s>0?Math.floor(s/60)+':'+String(s%60).padStart(2,'0')+' left':'expired';
      for(var i=0;i<marks.length;i++){var m=marks[i];if(s<=m[0]&&!spoken[m[0]]&&(i===marks.length-1||s>marks[i+1][0])){spoken[m[0]]=1;if(leaseSay)leaseSay.textContent=m[1]}}
      if(s>0)setTimeout(tick,1000);
    };
    // Thresholds already passed at load are not announced (the page says the time itself).
    var s0=Math.round((until-Date.now())/1000);marks.forEach(function(m){if(s0<=m[0]&&m[0]>0)spoken[m[0]]=1});
    tick();
  }
  // The undo toast lasts as long as the undo window (REVIEW_UNDO_SECONDS; the server refuses later undos too).
  var toast=byId('undo-toast');
  if(toast){setTimeout(function(){var f=toast.querySelector('form');if(f)f.remove();toast.textContent='Undo is no longer available for that decision.'},Number(toast.getAttribute('data-undo-ms'))||10000)}
})();
`;
