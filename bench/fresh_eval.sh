#!/usr/bin/env bash
# Scores fresh helper-labelled parts (bench/fresh/*.labels.jsonl; labels with spans, no texts): each part is joined
# with its texts in a temporary folder (bench/fresh_sample.py unpack), then all are scored side by side with
# bootstrap intervals. Called by `make eval-fresh` and `make eval-unread`.
#
# Usage: bench/fresh_eval.sh RUN_DIR "NEWS PARTS" "1987 PARTS" "AG PARTS" LAST_PART [extra eval args]
#   NEWS parts are joined with ../shared/bench's real-news corpus; 1987 parts need REUTERS21578=<folder of
#   reut2-0NN.sgm>, AG parts AGNEWS_CSV=<the AG News test split>; a group whose source is not set is left out with
#   a note. LAST_PART (a news part) goes last: the pooled row pools every set but the last.
set -u
run=$1 news=$2 r87=$3 ag=$4 last=$5
shift 5
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
golds=()
unpack() {  # part, then the source option of its texts (none for the news corpus)
  local part=$1
  shift
  "$run/python" bench/fresh_sample.py unpack "bench/fresh/$part.labels.jsonl" "$tmp/$part.jsonl" "$@" || exit 1
  golds+=(--gold "$tmp/$part.jsonl")
}
for p in $news; do unpack "$p"; done
if [ -n "$r87" ]; then
  if [ -n "${REUTERS21578:-}" ]; then
    for p in $r87; do unpack "$p" --reuters "$REUTERS21578"; done
  else
    echo "$r87 left out: set REUTERS21578=<folder of reut2-0NN.sgm> to score them"
  fi
fi
if [ -n "$ag" ]; then
  if [ -n "${AGNEWS_CSV:-}" ]; then
    for p in $ag; do unpack "$p" --agnews "$AGNEWS_CSV"; done
  else
    echo "$ag left out: set AGNEWS_CSV=<the AG News test split, test.csv> to score them"
  fi
fi
unpack "$last"
"$run/diplowatch" eval "${golds[@]}" --bootstrap 1000 "$@"
