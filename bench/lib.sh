# Helpers shared by the bench/*.sh scripts: `source "$(dirname "$0")/lib.sh"`.

now_ms() { date +%s%3N; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# of the numbers on stdin, one per line; an even count gives the mean of the middle two
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
mean() { awk '{s+=$1} END {printf "%d", s/NR}'; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_http() { # url timeout_s: a 2xx answer
  local deadline=$(( $(date +%s) + $2 ))
  until curl -sf -o /dev/null "$1"; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}
wait_answer() { # url timeout_s: any HTTP answer (a service alone may report itself DOWN: no Redis)
  local deadline=$(( $(date +%s) + $2 ))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" != "000" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}
