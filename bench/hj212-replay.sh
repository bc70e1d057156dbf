#!/bin/sh
# Replays HJ 212 corpus files into a running platform (default port 9212), e.g.
#   bench/hj212-replay.sh --rate 2000 ../shared/data/hj212-field-2016/2016-08-24T00.h212
# Options: --host, --port, --connections (50), --rate (packets/s in total, 0 = as fast as possible), --ack
# (re-frame with Flag=5 and wait for each 9014; acknowledgements are matched to packets by QN).
set -e
cd "$(dirname "$0")/.."
[ -d target/classes/cn/anhuan/monitoring/replay ] || mvn -q compile
exec java -cp target/classes cn.anhuan.monitoring.replay.Hj212Replay "$@"
