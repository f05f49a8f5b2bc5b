"""Writes tone.wav, the sample file `pybuf` shows when run without arguments: a WAV file
(RIFF header, 'fmt ' and 'data' chunks) of 64 stereo frames of 16-bit PCM at 8000 Hz, a
500 Hz tone on the left channel and the same tone at half volume, inverted, on the right.

Run with any Python 3: python3 make_sample.py
"""
import math
import struct

RATE, FRAMES, CHANNELS, BITS = 8000, 64, 2, 16
HEADER = "<4sI4s 4sIHHIIHH 4sI"

frames = b"".join(
    struct.pack("<hh", round(12000 * s), round(-6000 * s))
    for s in (math.sin(2 * math.pi * 500 * n / RATE) for n in range(FRAMES))
)
block = CHANNELS * BITS // 8
header = struct.pack(
    HEADER,
    b"RIFF", 36 + len(frames), b"WAVE",
    b"fmt ", 16, 1, CHANNELS, RATE, RATE * block, block, BITS,
    b"data", len(frames),
)
with open("tone.wav", "wb") as f:
    f.write(header + frames)
