/**
 * Stands for a device network module that does not exist on Node.js (`@ohos.net.webSocket`, …) when
 * the register hook resolves its name: the module's name arrives in the URL (`?name=webSocket`), and
 * every member read of the default export throws code 801.
 * @module
 */
import { unavailableModule, type UnavailableModule } from './unavailable.js';

const name = new URL(import.meta.url).searchParams.get('name') ?? 'module';
const module: UnavailableModule = unavailableModule(name);
export default module;
