package org.kaoping.job;

import org.kaoping.store.ParsedWorkbookRepository;
import org.kaoping.store.RunFileRepository;
import org.springframework.batch.core.listener.ItemProcessListener;

/**
 * Observes the read step, one workbook at a time; every bean of this type is registered on it. None ship
 * with kaoping: the tests use it to slow the step down or fail it on the Nth workbook (crash and restart
 * tests), without a test switch in the step itself.
 */
public interface ReadStepListener extends ItemProcessListener<RunFileRepository.RunFile, ParsedWorkbookRepository.Stored> {
}
