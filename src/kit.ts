/**
 * `@kit.NetworkKit`: every module name the device kit exports. `http` and `connection` work; the others
 * exist so that imports link, and throw code 801 ("not available on Node.js") when a member is used.
 * @module
 */
import * as http from './namespace.js';
import * as connection from './connection/namespace.js';
import { unavailableModule, type UnavailableModule } from './unavailable.js';

export { connection, http };

/** Ethernet settings (not available on Node.js). @since 9 */
export const ethernet: UnavailableModule = unavailableModule('ethernet');
/** Multicast DNS discovery (not available on Node.js). @since 10 */
export const mdns: UnavailableModule = unavailableModule('mdns');
/** Network usage policy (not available on Node.js). @since 10 */
export const policy: UnavailableModule = unavailableModule('policy');
/** Tethering (not available on Node.js). @since 9 */
export const sharing: UnavailableModule = unavailableModule('sharing');
/** WebSocket client (not available on Node.js). @since 6 */
export const webSocket: UnavailableModule = unavailableModule('webSocket');
/** TCP, UDP, TLS and local sockets (not available on Node.js). @since 7 */
export const socket: UnavailableModule = unavailableModule('socket');
/** Traffic statistics (not available on Node.js). @since 10 */
export const statistics: UnavailableModule = unavailableModule('statistics');
/** VPN management (not available on Node.js). @since 10 */
export const vpn: UnavailableModule = unavailableModule('vpn');
/** VPN extension (not available on Node.js). @since 11 */
export const vpnExtension: UnavailableModule = unavailableModule('vpnExtension');
/** Network security configuration (not available on Node.js). @since 11 */
export const networkSecurity: UnavailableModule = unavailableModule('networkSecurity');
/** VPN extension ability (not available on Node.js). @since 11 */
export const VpnExtensionAbility: UnavailableModule = unavailableModule('VpnExtensionAbility');
/** VPN extension context (not available on Node.js). @since 11 */
export const VpnExtensionContext: UnavailableModule = unavailableModule('VpnExtensionContext');
/** EAP authentication (not available on Node.js). @since 20 */
export const eap: UnavailableModule = unavailableModule('eap');
/** Network firewall (not available on Node.js). @since 14 */
export const netFirewall: UnavailableModule = unavailableModule('netFirewall');
