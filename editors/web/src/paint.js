// How the page times a keystroke, shared with the bench's bare editor
// (bare.js) so that both are timed alike: from the keydown's timestamp to
// the end of the frame that paints its edit.

// afterNextPaint calls f once the next frame is rendered: after its
// animation frame callbacks, style, layout and paint (a message posted from
// requestAnimationFrame is handled after them); framed, if given, at the
// frame's start.
const paintChannel = new MessageChannel();
const afterPaint = [];
paintChannel.port1.onmessage = () => afterPaint.shift()();
export function afterNextPaint(f, framed) {
  requestAnimationFrame(() => {
    if (framed) framed();
    afterPaint.push(f);
    paintChannel.port2.postMessage(0);
  });
}

// editsText tells the keys that type or delete text, the ones timed.
export function editsText(e) {
  const typed = e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
  return typed || e.key === 'Enter' || e.key === 'Backspace' || e.key === 'Delete';
}
