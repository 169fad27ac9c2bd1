#!/bin/bash
# Container health check: `GET /healthz` on the galaxie process of this container, with bash's
# /dev/tcp, so the image needs no curl or wget. The port is taken from GALAXIE__SERVER__BIND
# (default 0.0.0.0:8080, as set in the image). Exit 0 when the answer is 200, 1 otherwise.
set -euo pipefail

bind="${GALAXIE__SERVER__BIND:-0.0.0.0:8080}"
port="${bind##*:}"

exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
status=""
IFS= read -r -t 5 status <&3 || true
exec 3<&-

case "${status}" in
  "HTTP/1."[01]" 200 "*) exit 0 ;;
  *)
    echo "galaxie is unhealthy: ${status:-no answer} from 127.0.0.1:${port}/healthz" >&2
    exit 1
    ;;
esac
