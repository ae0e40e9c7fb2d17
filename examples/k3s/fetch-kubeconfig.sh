#!/usr/bin/env bash
# Copies the K3s VM's kubeconfig into THIS folder (./kubeconfig), pointed at the VM's address, and
# never into ~/.kube/config. Use it with: KUBECONFIG=$PWD/kubeconfig kubectl get nodes
# Usage: ./fetch-kubeconfig.sh [host] [ssh user]   (default host k3s-dev, user ubuntu)
set -euo pipefail
host="${1:-k3s-dev}"
user="${2:-ubuntu}"
dest="$(cd "$(dirname "$0")" && pwd)/kubeconfig"
umask 077
tmp="$(mktemp "${dest}.XXXXXX")"
trap 'rm -f "$tmp"' EXIT
ssh -o BatchMode=yes "${user}@${host}" sudo cat /etc/rancher/k3s/k3s.yaml >"$tmp"
grep -q '^kind: Config' "$tmp" || { echo "fetch-kubeconfig: ${host} returned no kubeconfig" >&2; exit 1; }
# K3s writes its own loopback address; the project copy talks to the VM by name.
sed -i.bak "s#https://127.0.0.1:6443#https://${host}:6443#" "$tmp" && rm -f "${tmp}.bak"
mv "$tmp" "$dest"
trap - EXIT
echo "wrote ${dest} (mode 600); use: KUBECONFIG=${dest} kubectl get nodes"
