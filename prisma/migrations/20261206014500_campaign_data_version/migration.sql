-- Opening or closing an annual confirmation changes what public pages show (the 未按期核验 flag,
-- notConfirmedOnTime in the API): it raises DataVersion like every other change to public data, so
-- the public-read cache may hold the latest campaign (lib/campaigns/data.ts publicCampaign).
CREATE CONSTRAINT TRIGGER "ConfirmationCampaign_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ConfirmationCampaign"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (current_setting('registry.bulk_load', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION registry_bump_data_version();
