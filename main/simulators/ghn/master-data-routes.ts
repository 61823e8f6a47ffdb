// Master-data endpoints, legacy (PascalCase) and v3. They accept GET (ids in the query) or POST
// (ids in the JSON body), need only the Token header, and never take part in fault injection by default.

import { bodyObject } from '../shared/json-body.js';
import type { Route, SimReply, SimRequest } from '../shared/sim-server.js';
import { GHN_DISTRICTS, GHN_PROVINCES } from './data/legacy-units.js';
import { GHN_V3_PROVINCES } from './data/v3-units.js';
import { queryInt } from './ghn-fields.js';
import { ghnBadRequest, ghnLookupNotFound, ghnOk } from './ghn-replies.js';
import { districtsOf, findDistrict, findProvince, findV3Province, v3WardsOf, wardsOf } from './geography.js';

export const GHN_BASE = '/shiip/public-api';
const ANY = ['GET', 'POST'] as const;

/** An id from the query (GET) or the body (POST); a string in the body is a decode error, as in GHN. */
function idParam(req: SimRequest, name: string): { value?: number; error?: SimReply } {
  const body = bodyObject(req.body);
  if (body && body[name] !== undefined) {
    const v = body[name];
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      return { error: ghnBadRequest(`json: cannot unmarshal ${typeof v} into Go struct field ${name} of type int`) };
    }
    return { value: v };
  }
  const fromQuery = req.query.get(name);
  if (fromQuery === null) return {};
  const parsed = queryInt(fromQuery);
  return parsed === undefined ? { error: ghnBadRequest(`${name} không hợp lệ: ${fromQuery}`) } : { value: parsed };
}

const provinceOut = ({ region: _region, ...wire }: (typeof GHN_PROVINCES)[number]) => wire;

export function masterDataRoutes(withToken: (h: (req: SimRequest) => SimReply) => (req: SimRequest) => SimReply): Route[] {
  return [
    {
      methods: ANY,
      path: `${GHN_BASE}/master-data/province`,
      handler: withToken(() => ghnOk(GHN_PROVINCES.map(provinceOut))),
    },
    {
      methods: ANY,
      path: `${GHN_BASE}/master-data/district`,
      handler: withToken((req) => {
        const { value, error } = idParam(req, 'province_id');
        if (error) return error;
        if (value === undefined) return ghnOk(GHN_DISTRICTS);
        return findProvince(value) ? ghnOk(districtsOf(value)) : ghnLookupNotFound();
      }),
    },
    {
      methods: ANY,
      path: `${GHN_BASE}/master-data/ward`,
      handler: withToken((req) => {
        const { value, error } = idParam(req, 'district_id');
        if (error) return error;
        if (value === undefined) return ghnBadRequest('Thiếu trường bắt buộc: district_id');
        return findDistrict(value) ? ghnOk(wardsOf(value)) : ghnLookupNotFound();
      }),
    },
    {
      methods: ANY,
      path: `${GHN_BASE}/v3/master-data/province/all`,
      handler: withToken((req) => {
        const offset = queryInt(req.query.get('offset')) ?? 0;
        const limit = queryInt(req.query.get('limit')) ?? 200;
        if (offset < 0 || limit < 1 || limit > 200) return ghnBadRequest('limit phải từ 1 đến 200, offset không âm');
        return ghnOk(GHN_V3_PROVINCES.slice(offset, offset + limit));
      }),
    },
    {
      methods: ANY,
      path: `${GHN_BASE}/v3/master-data/ward/all-by-province-id`,
      handler: withToken((req) => {
        const { value, error } = idParam(req, 'province_id');
        if (error) return error;
        if (value === undefined) return ghnBadRequest('Thiếu trường bắt buộc: province_id');
        if (!findV3Province(value)) return ghnLookupNotFound();
        return ghnOk(v3WardsOf(value).map(({ legacy: _legacy, ...wire }) => wire));
      }),
    },
  ];
}
