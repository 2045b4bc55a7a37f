// How the page times a keystroke, shared with the bench's bare editor
// (bare.js) so that both are timed alike: from the keydown's timestamp to
// the end of the frame that paints its edit.

// afterNextPaint calls f once the next frame is rendered: after its
// animation frame callbacks, style, layout and paint (a message posted from
// requestAnimationFrame is handled after them); framed, if given, at the
// frame's start. Both get the frame's time (requestAnimationFrame's: when
// the display's frame began, the vsync it is drawn for).
const paintChannel = new MessageChannel();
const afterPaint = [];
paintChannel.port1.onmessage = () => afterPaint.shift()();
export function afterNextPaint(f, framed) {
  requestAnimationFrame((frame) => {
    if (framed) framed(frame);
    afterPaint.push(() => f(frame));
    paintChannel.port2.postMessage(0);
  });
}

// editsText tells the keys that type or delete text, the ones timed.
export function editsText(e) {
  const typed = e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
  return typed || e.key === 'Enter' || e.key === 'Backspace' || e.key === 'Delete';
}

// editClock times keystrokes to their edits on the screen: keydown(e) at
// each key (the key's time, or null for one that edits no text), edited()
// at each change of the text. latencies: keydown → the frame showing the
// edit rendered; frames: [keydown → that frame's start, the frame's start
// → rendered]. A display draws a frame every 16.7 ms (60 Hz): a key is
// shown in the first frame after it when the first is under that, however
// quick the rest.
export function editClock() {
  const unpainted = []; // keydown times whose edit is not yet on the screen
  const latencies = [];
  const frames = [];
  return {
    latencies,
    frames,
    keydown(e) {
      if (!editsText(e)) return null;
      const t = e.timeStamp || performance.now();
      unpainted.push(t);
      return t;
    },
    // painted(t) and framed() are called as afterNextPaint's.
    edited(painted, framed) {
      const made = performance.now();
      afterNextPaint((frame) => {
        const t = performance.now();
        while (unpainted.length && unpainted[0] <= made) {
          const key = unpainted.shift();
          latencies.push(t - key);
          frames.push([frame - key, t - frame]);
        }
        if (painted) painted(t);
      }, framed);
    },
    reset() {
      unpainted.length = latencies.length = frames.length = 0;
    },
  };
}
