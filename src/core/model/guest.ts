// What the `guest.addresses` query returns: the raw facts IP discovery works from (tier 1: the
// addresses Hyper-V reports through the guest's KVP service; tier 2: the host's neighbor table).
import type { ObservedNeighbor } from './observed.js';

/** Well-known component GUID of the Key-Value Pair Exchange integration service (names are localized). */
export const KVP_SERVICE_GUID = '2A34B1C2-FD73-4043-8A5B-DD2159BC743F';

export interface GuestAddressVm {
  id: string;
  name: string;
  state: string;
  adapters: { name: string; mac: string; ips: string[] }[];
  /** The KVP integration service as the host sees it; null when the VM has none. */
  kvp: { enabled: boolean; status: string } | null;
}

export interface GuestAddressReport {
  vms: GuestAddressVm[];
  /** Host neighbor (ARP/NDP) entries; empty unless asked for. */
  neighbors: ObservedNeighbor[];
}
