import type { stationsContract } from '../../api/stations.js';
import type { HandlersFor } from '../../core/context.js';
import { requireActiveWarehouse } from '../warehouses/warehouse-handlers.js';
import { getStation, listStations, saveStation, stationNameOf } from './station-repo.js';

export const stationHandlers: HandlersFor<typeof stationsContract> = {
  'stations.current': (ctx) => getStation(ctx.store, stationNameOf(ctx)),
  'stations.list': (ctx) => listStations(ctx.store, stationNameOf(ctx)),
  'stations.update': (ctx, input) => {
    // A station packs from one active warehouse; pointing it at a closed one would empty its queue silently.
    if (input.warehouseId) requireActiveWarehouse(ctx.store, input.warehouseId);
    const saved = saveStation(ctx.store, input.name ?? stationNameOf(ctx), input, ctx.now());
    ctx.emit('stations.changed', { name: saved.name });
    return saved;
  },
};
