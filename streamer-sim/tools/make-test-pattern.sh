#!/usr/bin/env bash
# Makes the looping live test pattern the simulator serves: two renditions of a moving test picture with a
# sine tone, cut into SEGMENTS MPEG-TS segments of exactly 2 s each. Run once; the output is committed under
# src/main/resources/hls/. Re-running with the same ffmpeg gives the same pictures (bit-exactness across
# ffmpeg versions is not promised, and the simulator does not depend on it).
#
# Why these numbers: 25 fps and a keyframe every 50 frames make every segment start on a keyframe at exactly
# 2.000 s; 48 kHz AAC has 1024-sample frames, and 8 s = 375 frames exactly, so 4 segments (8 s) loop with
# no audio gap or overlap when the simulator shifts each loop's timestamps by 8 s. The AAC encoder adds one
# priming frame in front, so the tone is cut 1024 samples short to leave exactly 375 frames in the clip.
set -euo pipefail

SEGMENTS=4
SECONDS_TOTAL=$((SEGMENTS * 2))
OUT="$(cd "$(dirname "$0")/.." && pwd)/src/main/resources/hls"
FFMPEG="${FFMPEG:-/usr/bin/ffmpeg}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# One audio track, encoded once and copied into both renditions, so both carry identical audio.
"$FFMPEG" -hide_banner -v error -y \
  -f lavfi -i "sine=frequency=440:beep_factor=4:sample_rate=48000:duration=${SECONDS_TOTAL}" \
  -af "atrim=end_sample=$((SECONDS_TOTAL * 48000 - 1024))" \
  -c:a aac -b:a 64k -ac 1 -ar 48000 -flags +bitexact "$WORK/audio.m4a"

render() { # name width height video-bitrate profile level
  local name=$1 width=$2 height=$3 rate=$4 profile=$5 level=$6
  mkdir -p "$OUT/$name"
  rm -f "$OUT/$name"/*.ts
  "$FFMPEG" -hide_banner -v error -y \
    -f lavfi -i "testsrc2=size=${width}x${height}:rate=25:duration=${SECONDS_TOTAL}" \
    -i "$WORK/audio.m4a" \
    -map 0:v -map 1:a \
    -c:v libx264 -preset medium -tune zerolatency -profile:v "$profile" -level:v "$level" -pix_fmt yuv420p \
    -b:v "$rate" -maxrate "$rate" -bufsize "$rate" \
    -g 50 -keyint_min 50 -sc_threshold 0 -force_key_frames "expr:gte(t,n_forced*2)" \
    -x264-params "nal-hrd=none:threads=1" -threads 1 \
    -c:a copy \
    -flags +bitexact -fflags +bitexact \
    -f segment -segment_time 2 -segment_format mpegts -reset_timestamps 0 \
    -segment_list "$WORK/$name.m3u8" \
    "$OUT/$name/%d.ts"
}

render v1 640 360 500k baseline 3.0
render v2 320 180 200k baseline 1.3
ls -l "$OUT"/v1 "$OUT"/v2
