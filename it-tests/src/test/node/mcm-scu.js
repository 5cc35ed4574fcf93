// Media Creation Management SCU (PS3.4 Annex S) with dcmjs-dimse, the independent peer of MediaCreationMcmIT.
//
// usage: node mcm-scu.js HOST PORT CALLED_AET create REQUEST_UID PROFILE LABEL INSTANCE_UID...
//        node mcm-scu.js HOST PORT CALLED_AET initiate REQUEST_UID COPIES PRIORITY
//        node mcm-scu.js HOST PORT CALLED_AET cancel REQUEST_UID
//        node mcm-scu.js HOST PORT CALLED_AET get REQUEST_UID
// Prints one JSON line: {"status": N, "errorComment": "...", "dataset": {...}}; exit 2 when no response came.
const dimse = require('dcmjs-dimse');
const { Client, Dataset } = dimse;
const { NCreateRequest, NActionRequest, NGetRequest } = dimse.requests;

const MCM = '1.2.840.10008.5.1.1.33';
const CT = '1.2.840.10008.5.1.4.1.1.2';
const [host, port, aet, op, uid, ...rest] = process.argv.slice(2);

let request;
if (op === 'create') {
  const [profile, label, ...instances] = rest;
  request = new NCreateRequest(MCM, uid);
  request.setDataset(new Dataset({
    LabelText: label,
    AllowMediaSplitting: 'YES',
    ReferencedSOPSequence: instances.map((i) => ({
      ReferencedSOPClassUID: CT, ReferencedSOPInstanceUID: i, RequestedMediaApplicationProfile: profile,
    })),
  }));
} else if (op === 'initiate') {
  request = new NActionRequest(MCM, uid, 1);
  request.setDataset(new Dataset({ NumberOfCopies: Number(rest[0]), RequestPriority: rest[1] }));
} else if (op === 'cancel') {
  request = new NActionRequest(MCM, uid, 2);
} else if (op === 'get') {
  request = new NGetRequest(MCM, uid, []);
} else {
  console.error('unknown operation ' + op);
  process.exit(64);
}

let answered = false;
request.on('response', (response) => {
  answered = true;
  const ds = response.getDataset();
  console.log(JSON.stringify({
    status: response.getStatus(),
    errorComment: response.getErrorComment() || '',
    affectedSopInstanceUid: response.getAffectedSopInstanceUid ? response.getAffectedSopInstanceUid() : undefined,
    dataset: ds ? ds.getElements() : null,
  }));
});
const client = new Client();
client.on('networkError', (e) => { console.error('network error: ' + e); process.exitCode = 2; });
client.on('associationRejected', (r) => { console.error('association rejected: ' + JSON.stringify(r)); process.exitCode = 2; });
client.on('closed', () => { if (!answered) { console.error('no response'); process.exitCode = 2; } });
client.addRequest(request);
client.send(host, Number(port), 'MCM_SCU', aet);
